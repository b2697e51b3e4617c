// The kinds of miss issue 13 lists, each with real tools from data/ (names and descriptions as crawled):
// what the category must be, and for the ones that decide by a new rule, which rule decided it.
import { describe, expect, it } from 'vitest';
import { CONFIDENCE, classifyServer, classifyServerTools, classifyTool } from '../../src/classify';
import { classOfVerb, FOREIGN_VERBS } from '../../src/classify/lexicon';
import type { Category } from '../../src/schema';
import { verdictsFor } from '../../src/site/verdicts';
import { defaultDataDir, readServer } from '../../src/store/dataset';
import { tool } from './helpers';

type Case = [name: string, description: string, category: Category];

function expectCategories(cases: readonly Case[]): void {
  for (const [name, description, category] of cases) {
    it(`${name} ${JSON.stringify(description.slice(0, 60))} is ${category}`, () => {
      expect(classifyTool(tool(name, description), { ignoreAnnotations: true }).category).toBe(category);
    });
  }
}

describe('generated API wrappers: the HTTP method decides, not the nouns', () => {
  expectCategories([
    ['postTransactionsTransactionIdRelationshipsTags', 'Add tags to transaction', 'Write'],
    ['ChattingController_startTyping', 'POST /api/startTyping', 'Write'],
    ['ImageFaceSwap', 'Make a POST request to capix/faceswap/faceswap/v1/image', 'Write'],
    ['BridgeML_API', 'Make a POST request to bridgeml/codellama/bridgeml/codellama', 'Write'],
    ['http-head', 'Make an HTTP HEAD request to a specified URL with optional headers (returns only headers)', 'Read'],
    ['invoicesInvoiceIdPatch', '', 'Write'],
    ['deleteUsersId', '', 'Destructive'],
    ['get_api_v1_users', '', 'Read'],
  ]);
  it('a POST whose description reads (a search that takes a body) stays Read', () => {
    expect(classifyTool(tool('API-post-search', 'Notion | Search by title')).category).toBe('Read');
  });
  it('says in the evidence that the method decided', () => {
    const result = classifyTool(tool('ChattingController_startTyping', 'POST /api/startTyping'));
    expect(result.decidedBy.category).toEqual(['description.http.create']);
    expect(result.summary).toContain('HTTP');
  });
});

describe('money in other forms, and money words that are not money', () => {
  expectCategories([
    ['sui-transfer', 'transfer SUI(in mist) to single or multiple addresses', 'Financial'],
    ['deployToken', 'Deploys a new ERC-20 token on the specified EVM-compatible chain with customizable parameters', 'Financial'],
    ['dex-swap', 'Execute a token swap on the DEX', 'Financial'],
    ['send-fungible-tokens', 'Create a fungible token transfer transaction and send it.', 'Financial'],
    ['billing_createPurchaseOrderV1', 'Create a purchase order for any Hostinger product.', 'Financial'],
    ['request_send_money', 'Create an ACH payment that requires admin approval from the Mercury web interface.', 'Financial'],
    ['customer-credits-post-transaction', 'Post a transaction\n\nPost a multi-entry transaction. Entries must balance (total debits must equal total credits).', 'Financial'],
    ['get_balance', 'Get the balance of a wallet.', 'Read'],
    // The misfires: a tip heading, a deploy or change order, a database transaction, a what-if analysis, swaps that are not trades.
    ['unmerge-excel-range', 'Unmerge an Excel range.  💡 TIP: Unmerge any merged cells within the given range back into individual cells.', 'Write'],
    ['snooze-calendar-event-reminder', 'Postpone a reminder for an event in a user calendar until a new time.  💡 TIP: Postpones a triggered event reminder.', 'Write'],
    ['get_vm_deploy_order', '[VM Deploy Order Management] Get VM deploy order details', 'Read'],
    ['stop_vm_deploy_order', '[VM Deploy Order Management] Stop VM deploy order', 'Write'],
    ['create_change_order', '[application delivery] 创建部署单', 'Write'],
    ['firestore-transaction', 'Execute a transaction with read and write operations', 'Write'],
    ['run_sql_transaction', 'Execute a SQL transaction against a Neon database, should be used for multiple SQL statements', 'Execute'],
    ['sp-purchase-analyzer', 'Tool that runs AWS Savings Plans Purchase Analyzer what-if analyses using the Cost Explorer API.', 'Read'],
    ['quote_buy', 'Get a quote for buying a token with ETH via the PlatformRouter (includes 0.5% ETH fee)', 'Read'],
    ['swap-indexes', 'Swap two or more indexes in Meilisearch', 'Write'],
    ['sideboard_swap', 'Swap a card from your deck with a card from your sideboard.', 'Write'],
    // Withdrawing from a tournament cancels taking part; withdrawing funds moves money.
    ['withdraw_from_arena', 'Withdraw from an arena tournament', 'Write'],
    ['gnfd_withdraw_from_payment', 'Withdraw funds from a payment account', 'Financial'],
    ['savings_goal_withdraw', 'Withdraw money from a savings goal', 'Financial'],
  ]);
});

describe('computation named like execution', () => {
  expectCategories([
    ['simulate_command', 'Simulates the execution of a given command.', 'Read'],
    ['start_simulation', 'Launches a new traffic simulation using the provided simulation dataset configuration', 'Read'],
    ['superset_sqllab_estimate_query_cost', 'Estimate the cost of executing a SQL query', 'Read'],
    ['simulate_cwan_route_change', 'Simulate Cloud WAN network changes for a single region.', 'Read'],
    // Simulating an input performs it; a tool that runs caller-supplied code stays Execute.
    ['press_key', 'simulates pressing a keyboard key', 'Write'],
    ['execute_custom_query', 'Execute a custom SQL query against the database.', 'Execute'],
    ['create_folderless_list', 'Create a new list directly in a ClickUp space without placing it in a folder.', 'Write'],
  ]);
});

describe('terminals and shells: input written to them runs commands', () => {
  expectCategories([
    ['write_to_terminal', 'Write text or commands to the terminal', 'Execute'],
    ['interact_with_process', 'Send input to an existing terminal or REPL process and return newly available output', 'Execute'],
    ['send_command', 'Send a command to the telnet server', 'Execute'],
    ['send_control_character', 'Sends a control character to the active iTerm terminal (e.g., Control-C)', 'Execute'],
    ['read_terminal_output', 'Reads the output from the active iTerm terminal', 'Read'],
    ['notify_message', 'Sends a message to the Unity console', 'Write'],
  ]);
});

describe('descriptions in Chinese, Japanese and Korean: a small lexicon, or insufficient information', () => {
  expectCategories([
    ['/api/avatar', '获取头像', 'Read'],
    ['/api/bilibili/cover', '哔哩哔哩封面获取', 'Read'],
    ['/api/domain/dns', '域名DNS解析查询', 'Read'],
    ['subway', '지하철 도착 정보 조회', 'Read'],
    ['siyuan_file_putFile', '写入文件', 'Write'],
    ['siyuan_attr_setBlockAttrs', '设置块属性', 'Write'],
    ['tool_back', '브라우저 히스토리에서 뒤로 이동합니다.', 'Write'],
    ['maps_distance', '根据两个经纬度坐标计算距离，支持公交、步行、地铁距离计算', 'Read'],
    ['长亭 IP 情报查询', '基于长亭威胁情报，获取给定 IP 的威胁情报信息', 'Read'],
    ['get-custom-domain-config', '查询函数计算的域名路由配置', 'Read'],
    ['get_market_type', 'DART에 등록되어 있는 종목의 상장시장 정보를 제공합니다.', 'Read'],
    ['get_sets', '返回所有MTG卡牌系列的完整数据，按发布日期降序排列', 'Read'],
    ['create_change_order', '[application delivery] 创建部署单', 'Write'],
    ['StartInstances', '批量启动ECS实例，适用于需要同时管理和启动多台ECS实例的场景，例如应用部署和高可用性场景。', 'Write'],
    ['x', 'ファイルを削除します', 'Destructive'],
    ['x', '执行SQL查询语句', 'Execute'],
    ['x', '支付宝账单查询', 'Read'],
  ]);
  it('says why when a non-English description has none of the verbs it reads', () => {
    const result = classifyTool(tool('/api/abbr', '能不能好好说话'));
    expect(result).toMatchObject({ category: 'Other', insufficientInformation: true });
    expect(result.summary).toContain('not in English');
  });
  it('maps every lexicon term to a verb of a verb class', () => {
    expect(FOREIGN_VERBS.filter(([, verb]) => !classOfVerb.has(verb))).toEqual([]);
  });
});

describe('sibling context: a silent tool on a server that only reads', () => {
  const verdicts = (id: string) => {
    const server = readServer(defaultDataDir(), id);
    if (!server) throw new Error(`no server ${id} in data/`);
    const results = classifyServerTools(server);
    return new Map(server.tools.map((stored, index) => [stored.definition.name, results[index]!]));
  };

  it('a tool with an empty description takes Read from its name family (VirusTotal vt_*), and the evidence says so', () => {
    const byName = verdicts('ashfaaqf-mcp-priam-virustotal-f3f78e62');
    const behavior = byName.get('vt_behavior')!;
    expect(behavior).toMatchObject({ category: 'Read', risk: 'Low', insufficientInformation: false, confidence: CONFIDENCE.sibling });
    expect(behavior.decidedBy.category).toEqual(['server.sibling.family']);
    expect(behavior.evidence.at(-1)).toMatchObject({ rule: 'server.sibling.family', field: 'server', concludes: 'category:Read' });
    expect(behavior.evidence.at(-1)!.match).toContain('vt_domain_report');
    expect(behavior.summary).toMatch(/^Read, Low risk: .*begins with "vt"/);
    // A tool that speaks for itself keeps its own verdict.
    expect(byName.get('vt_domain_report')!.decidedBy.category).not.toContain('server.sibling.family');
  });

  it('does not lean on siblings that disagree, nor take a category other than Read from them', () => {
    const pentest = verdicts('dmontgomery40-pentest-mcp-b5452e22');
    expect(pentest.get('gobuster')).toMatchObject({ category: 'Other', insufficientInformation: true });
    // Every classified tool of this calculator is Write ("add"): a silent tool is not guessed to write.
    const calculator = verdicts('simonberner-mcp-server-calculator-2cb5414a');
    expect(calculator.get('sin')).toMatchObject({ category: 'Other', insufficientInformation: true });
  });

  it('is what the site shows, and what classifyServer counts', () => {
    const server = readServer(defaultDataDir(), 'ashfaaqf-mcp-priam-virustotal-f3f78e62')!;
    const index = server.tools.findIndex((stored) => stored.definition.name === 'vt_behavior');
    expect(verdictsFor(server).tools[index]!.category).toBe('Read');
    expect(classifyServer(server).byCategory.Other).toBe(0);
  });
});
