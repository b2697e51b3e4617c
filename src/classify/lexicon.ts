// Compiles the verb classes once: every inflected form a description may use ("creates", "deleting")
// maps back to its base verb and class, and name tokens joined like `createorupdate` are split.
import { nounLikeVerbs, verbClasses, type VerbClass } from './rules/verbs';
import { tokenizeName } from './tokenize';

/** The class each base verb belongs to; the first class that lists a verb wins. */
export const classOfVerb: ReadonlyMap<string, VerbClass> = (() => {
  const map = new Map<string, VerbClass>();
  for (const verbClass of verbClasses) for (const verb of verbClass.verbs) if (!map.has(verb)) map.set(verb, verbClass);
  return map;
})();

function inflections(verb: string): string[] {
  const forms = [verb, `${verb}s`, `${verb}ing`];
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) forms.push(`${verb}es`);
  if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ies`);
  if (verb.endsWith('e') && !verb.endsWith('ee')) forms.push(`${verb.slice(0, -1)}ing`);
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb)) forms.push(`${verb}${verb.slice(-1)}ing`);
  return forms;
}

/** Generated forms that are other words ("news" is not "new" + s). */
const NOT_VERB_FORMS = new Set(['news', 'tips', 'likes', 'bookings', 'listings', 'settings', 'findings', 'savings', 'holdings', 'warnings', 'meetings', 'readings', 'buildings', 'earnings', 'postings']);

/** Inflected form → base verb, for reading descriptions. */
export const baseOfForm: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const verb of classOfVerb.keys()) for (const form of inflections(verb)) if (!map.has(form) && !NOT_VERB_FORMS.has(form)) map.set(form, verb);
  return map;
})();

export function isNounLike(verb: string): boolean {
  return nounLikeVerbs.has(verb);
}

/** Splits `createorupdate` into create, or, update when both halves are verbs; else undefined. */
export function splitJoinedVerbs(word: string): [string, string, string] | undefined {
  for (const joiner of ['or', 'and']) {
    let at = word.indexOf(joiner, 2);
    while (at > 0) {
      const left = word.slice(0, at);
      const right = word.slice(at + joiner.length);
      if (classOfVerb.has(left) && classOfVerb.has(right)) return [left, joiner, right];
      at = word.indexOf(joiner, at + 1);
    }
  }
  return undefined;
}

/**
 * The common verbs of Chinese, Japanese and Korean tool descriptions, each as the English verb whose
 * class it takes. Kept small on purpose: a description with none of them stays "insufficient
 * information" rather than a guess. A term listed with `needsCode` is a generic "run" that counts only
 * when what it runs is code, a command or SQL (执行SQL查询语句), as English "Execute a …" is generic.
 */
export const FOREIGN_VERBS: ReadonlyArray<readonly [term: string, verb: string]> = [
  // Chinese
  ['获取', 'get'], ['查询', 'query'], ['搜索', 'search'], ['查找', 'find'], ['查看', 'view'], ['列出', 'list'], ['读取', 'read'],
  ['检索', 'retrieve'], ['获得', 'obtain'], ['下载', 'download'], ['统计', 'count'], ['分析', 'analyze'], ['计算', 'calculate'],
  ['翻译', 'translate'], ['转换', 'convert'], ['识别', 'identify'], ['检测', 'detect'], ['检查', 'check'], ['生成', 'generate'],
  ['解析', 'parse'], ['预览', 'preview'], ['导出', 'export'], ['显示', 'display'], ['返回', 'return'], ['规划', 'plan'], ['推荐', 'recommend'],
  ['启动', 'start'], ['开始', 'start'], ['推送', 'push'], ['转发', 'send'],
  ['创建', 'create'], ['新建', 'create'], ['添加', 'add'], ['新增', 'add'], ['发送', 'send'], ['发布', 'publish'], ['上传', 'upload'],
  ['提交', 'submit'], ['保存', 'save'], ['插入', 'insert'], ['注册', 'register'], ['登录', 'login'], ['写入', 'write'],
  ['更新', 'update'], ['修改', 'modify'], ['编辑', 'edit'], ['设置', 'set'], ['配置', 'configure'], ['变更', 'change'], ['更改', 'change'],
  ['重命名', 'rename'], ['移动', 'move'],
  ['删除', 'delete'], ['移除', 'remove'], ['清空', 'empty'], ['清除', 'clear'], ['销毁', 'destroy'],
  ['停止', 'stop'], ['取消', 'cancel'], ['禁用', 'disable'], ['部署', 'deploy'],
  ['支付', 'pay'], ['付款', 'pay'], ['转账', 'remit'], ['退款', 'refund'], ['购买', 'purchase'], ['下单', 'purchase'],
  // Japanese
  ['取得', 'get'], ['検索', 'search'], ['一覧', 'list'], ['表示', 'display'], ['読み込', 'read'], ['確認', 'check'], ['計算', 'calculate'],
  ['変換', 'convert'], ['翻訳', 'translate'], ['作成', 'create'], ['追加', 'add'], ['送信', 'send'], ['投稿', 'post'], ['登録', 'register'],
  ['変更', 'change'], ['編集', 'edit'], ['設定', 'set'], ['修正', 'modify'], ['削除', 'delete'], ['購入', 'purchase'], ['送金', 'remit'],
  ['決済', 'pay'], ['支払', 'pay'],
  // Korean
  ['조회', 'query'], ['검색', 'search'], ['가져오', 'get'], ['가져옵', 'get'], ['목록', 'list'], ['확인', 'check'], ['분석', 'analyze'],
  ['계산', 'calculate'], ['제공', 'provide'], ['검사', 'check'], ['전환', 'switch'], ['변환', 'convert'], ['번역', 'translate'], ['읽', 'read'], ['생성', 'create'], ['추가', 'add'], ['전송', 'send'],
  ['보내', 'send'], ['등록', 'register'], ['저장', 'save'], ['업로드', 'upload'], ['게시', 'post'], ['작성', 'create'], ['수정', 'modify'],
  ['업데이트', 'update'], ['갱신', 'update'], ['변경', 'change'], ['설정', 'set'], ['편집', 'edit'], ['이동', 'navigate'], ['삭제', 'delete'],
  ['제거', 'remove'], ['중지', 'stop'], ['취소', 'cancel'], ['결제', 'pay'], ['송금', 'remit'], ['이체', 'remit'], ['구매', 'purchase'], ['환불', 'refund'],
];
/** "Run"/"execute" in the three languages: a verb only before code, a command or SQL. */
const FOREIGN_RUN = ['执行', '运行', '実行', '실행'];
const CODE_OBJECT = /^.{0,6}?(?:sql|SQL|命令|脚本|代码|语句|コマンド|スクリプト|コード|명령|스크립트|코드|shell|Shell|python|Python|JavaScript)/;
/** Words that contain a verb term but are nouns: Alipay (支付宝), a deploy order (部署单). */
const FOREIGN_NOUNS = ['支付宝', '部署单'];
/**
 * Chinese terms that are as often nouns (配置 configuration, 设置 settings, 发布 release): verbs only
 * where the clause begins with them (设置块属性 "set block attributes"), as noun-like English verbs count
 * only at the start of a sentence.
 */
const NOUN_LIKE_TERMS = new Set(['配置', '设置', '变更', '发布', '注册', '部署', '统计', '登录', '更新']);
/** Chinese openings that name a criterion first (根据X查询Y "query Y by X"): the verb is the clause's last, or the next clause's. */
const CRITERION_FIRST = /^\s*(?:根据|按照|基于|通过)/;
/** After a term: 的 makes it a modifier (配置的 "configured"); 되/된/돼 a Korean passive (등록된 "registered"), 한 a participle (제공한 "provided"). */
const NOT_A_VERB_AFTER = /^(?:的|되|된|돼|한(?=\s))/;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const SOV = /[\u3040-\u30ff\uac00-\ud7af]/;
const CLAUSE_END = /[。.!?！？\n，,；;：:（(]/;

/**
 * The lead verb of a description whose opening is in Chinese, Japanese or Korean, from FOREIGN_VERBS.
 * Japanese and Korean put the verb last (ファイルを削除します, 지하철 도착 정보 조회); Chinese puts it first
 * (获取头像) unless the opening is a noun phrase ending in it (哔哩哔哩封面获取).
 */
export function foreignLeadVerb(text: string, from: number): { verb: string; text: string; start: number } | undefined {
  const head = text.slice(from, from + 120);
  if (!CJK.test(head)) return undefined;
  const leading = head.length - head.trimStart().length;
  const firstEnd = clauseEnd(head, leading);
  const first = chooseTerm(head.slice(0, firstEnd));
  if (first) return { ...first, start: from + first.at };
  // A criterion alone (基于长亭威胁情报，获取…): the verb is in the next clause.
  if (!CRITERION_FIRST.test(head) || firstEnd >= head.length) return undefined;
  const secondStart = firstEnd + 1;
  const second = chooseTerm(head.slice(secondStart, clauseEnd(head, secondStart)));
  return second ? { ...second, start: from + secondStart + second.at } : undefined;
}

function clauseEnd(head: string, from: number): number {
  const m = CLAUSE_END.exec(head.slice(from));
  return m ? from + m.index : head.length;
}

/** The verb term of one clause (see foreignLeadVerb), with its offset in the clause. */
function chooseTerm(clause: string): { verb: string; text: string; at: number } | undefined {
  const found: Array<{ verb: string; text: string; at: number }> = [];
  const sov = SOV.test(clause);
  for (const [term, verb] of FOREIGN_VERBS) {
    for (let at = clause.indexOf(term); at >= 0; at = clause.indexOf(term, at + term.length)) {
      if (FOREIGN_NOUNS.some((noun) => clause.startsWith(noun, at))) continue;
      if (NOT_A_VERB_AFTER.test(clause.slice(at + term.length))) continue;
      if (NOUN_LIKE_TERMS.has(term) && !sov && clause.slice(0, at).trim() !== '') continue;
      found.push({ verb, text: term, at });
    }
  }
  for (const term of FOREIGN_RUN) {
    for (let at = clause.indexOf(term); at >= 0; at = clause.indexOf(term, at + term.length)) {
      if (CODE_OBJECT.test(clause.slice(at + term.length))) found.push({ verb: 'execute', text: term, at });
    }
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  const last = found[found.length - 1] as (typeof found)[number];
  return sov || clause.trimEnd().endsWith(last.text) || CRITERION_FIRST.test(clause) ? last : found[0];
}

/** Whether a description's opening is written mostly in Chinese, Japanese or Korean. */
export function isForeignOpening(text: string): boolean {
  const head = text.slice(0, 120);
  let cjk = 0;
  let latin = 0;
  for (const character of head) {
    if (CJK.test(character)) cjk++;
    else if (/[A-Za-z]/.test(character)) latin++;
  }
  return cjk >= 2 && cjk * 3 >= latin;
}

/** Verb classes whose compounds always name an operation, wherever they stand: a policy never lets a delete or a payment through as a noun. */
const ALWAYS_OPERATIONS = new Set(['destroy', 'execute', 'financial', 'interrupt', 'overwrite']);

/**
 * Whether one value of an operation enum names an operation. A verb-led compound among values that
 * mostly name things (`issues`, `projects`, `users`, `create_metadata`) names a thing too (the
 * metadata for creating); a bare verb (`delete`) always names one, and so does any compound of a
 * verb that deletes, overwrites, interrupts, runs or pays (`remove.all`).
 */
export function isOperationValue(value: string, values: readonly string[]): boolean {
  const words = tokenizeName(value);
  const verbClass = classOfVerb.get(words[0]?.word ?? '');
  if (verbClass === undefined) return false;
  if (words.length === 1 || ALWAYS_OPERATIONS.has(verbClass.id)) return true;
  let verbLed = 0;
  for (const candidate of values) if (classOfVerb.has(tokenizeName(candidate)[0]?.word ?? '')) verbLed++;
  return verbLed * 2 >= values.length;
}
