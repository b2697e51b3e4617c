// Verdicts issue 13 found wrong, by class, on real tools of data/servers (name, description and the
// parameters that matter): each class has tools that must change and look-alikes that must not.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../src/classify';
import { classifyMethod, findMethodParameter } from '../../src/policy/methods';
import { tool } from './helpers';

const category = (definition: Parameters<typeof classifyTool>[0]): string => classifyTool(definition).category;

describe('removing a link, a label or a member is Write; deleting the object is Destructive', () => {
  it.each([
    tool('remove_label', 'Remove a label from an email. For ProtonMail, this removes the email from the label folder.'),
    tool('discord_remove_reaction', 'Remove a reaction from a message'),
    tool('remove_user_from_group', 'Remove a user from an IAM group.'),
    tool('remove_task_from_list', 'Remove a task from a ClickUp list without deleting the task.'),
    tool('UntagResource', 'Removes the tags, identified by the keys, from the specified resource.'),
    tool('GMAIL__MESSAGES_UNTRASH', 'Removes the specified message from the trash'),
    tool('delete_issue_emoji_reaction', 'Remove an emoji reaction from an issue.'),
    tool('stories-unassign-current-user', 'Remove current user as story owner.'),
    tool('firewall-remove-droplets', 'Removes one or more droplets from a group'),
  ])('%j is Write', (definition) => {
    expect(category(definition)).toBe('Write');
  });

  it.each([
    tool('remove_container', 'Remove a Docker container'),
    tool('postgres-remove', 'Removes/deletes a PostgreSQL database from Dokploy.'),
    tool('remove_collection', 'Remove a collection from the Weaviate schema.'),
    tool('arango_remove', 'Remove a document from a collection'),
    tool('delete_label', 'Delete a label from a repository.'),
    tool('remove_block', 'Removes a block from the Logseq graph. This operation permanently removes the specified block and all its children.'),
    tool('delete-notification-settings', 'Delete Liveblocks notification settings'),
  ])('%j stays Destructive', (definition) => {
    expect(category(definition)).toBe('Destructive');
  });
});

describe('operations destructive only with some objects, and UI gestures, are not Destructive', () => {
  it.each([
    tool('browser_drop', 'Drop files or MIME-typed data onto an element, as if dragged from outside the page.'),
    tool('browser_drag_and_drop', 'Perform drag and drop between two elements'),
    tool('browser_clear', 'Clears the value of an input element'),
    tool('clear_cache', 'Clear specific or all cache entries'),
    tool('pihole_flush_cache', "Flush Pi-hole's DNS cache"),
    tool('linear_updateIssueCustomField', 'Set or clear a custom field value on an issue. Pass null as value to clear it.'),
    tool('v2ex_remove_notification', 'remove v2ex user notification'),
  ])('%j is Write', (definition) => {
    expect(category(definition)).toBe('Write');
  });

  it.each([
    tool('drop_table', 'Drop a table from the database'),
    tool('clearChat', 'Clear all chat messages'),
    tool('purge_queue', 'Remove all messages from a specific queue'),
    tool('delete_cache_cluster', 'Deletes an ElastiCache cache cluster.'),
  ])('%j stays Destructive', (definition) => {
    expect(category(definition)).toBe('Destructive');
  });
});

describe('read tools are not Write or Execute for a noun read as a verb', () => {
  it('an `action` value that names a thing among things (create_metadata) is not an operation', () => {
    const jira = tool('jira_search', 'Search and discover Jira resources: issues via JQL, projects, users, or field metadata.', {
      action: { description: 'issues: JQL search; projects: list all; users: find by name/email; create_metadata: field requirements for a project', enum: ['issues', 'projects', 'users', 'create_metadata'] },
    });
    expect(category(jira)).toBe('Read');
    // The per-method policy reads the value the same way: a Read method of a search tool.
    const method = findMethodParameter(jira);
    expect(method && classifyMethod(jira, classifyTool(jira), method, 'create_metadata').category).toBe('Read');
  });

  it('a bare operation among nouns still counts, and so does a compound among operations', () => {
    expect(category(tool('gridfs-operation', 'Manage GridFS files.', { operation: { enum: ['list', 'info', 'delete'] } }))).toBe('Destructive');
    expect(category(tool('maps', 'Search places and guides.', { operation: { enum: ['search', 'save', 'pin', 'listGuides', 'createGuide'] } }))).toBe('Write');
  });

  it("an array's enum is a set of kinds to watch, not an operation", () => {
    const watch = { name: 'watch-changes', description: 'Watch for changes in a collection using change streams', inputSchema: { type: 'object', properties: { operations: { type: 'array', items: { type: 'string', enum: ['insert', 'update', 'delete', 'replace'] } } } } };
    expect(category(watch)).toBe('Read');
  });

  it.each([
    tool('get_vm_deploy_machine_log', '[VM Deploy Order Management] Get VM deploy machine log'),
    tool('NETLIFY__GET_SITE_DEPLOY', 'Get information about a specific deployment for a specific site.'),
    tool('get_last_tweet', 'Get most recent post from specified X/Twitter account'),
    tool('weather_archive', 'Get historical weather data from ERA5 reanalysis (1940-present) for specific coordinates and date range.'),
    tool('hosting_getGitAutoDeploymentSettingsV1', 'Returns the Git auto-deployment settings of the website: which repository and branch deploy into which directory, and whether pushes trigger a deployment.'),
    tool('get_running_builds', 'Get all running builds from Jenkins'),
    tool('teams', 'Manage teams: list/get/get_members/get_current/get_current_members', { action: { enum: ['list', 'get', 'get_members', 'get_current', 'get_current_members'] } }),
    tool('get_zia_users', 'Manage ZIA users for authentication and access control (read-only)'),
    tool('web_data_chatgpt_ai_insights', 'Send a prompt to ChatGPT and get back AI-generated insights.'),
  ])('%j is Read', (definition) => {
    expect(category(definition)).toBe('Read');
  });

  it.each([
    [tool('deploy_service', 'Deploy a service to Cloud Run.'), 'Execute'],
    [tool('VERCEL__DEPLOY', 'Creates a new deployment on Vercel.'), 'Execute'],
    [tool('trigger_build', 'Triggers a build of the pipeline.'), 'Execute'],
    [tool('manage_indexes', 'Manage indexes.', { action: { enum: ['create', 'delete', 'list'] } }), 'Destructive'],
    [tool('system_volume', '[System control and information] Set system volume'), 'Write'],
    [tool('send_message', 'Send a message to a Slack channel.'), 'Write'],
  ])('%j stays %s', (definition, expected) => {
    expect(category(definition)).toBe(expected);
  });
});

describe('audits, validators and guidance are read-only, so their readOnlyHint is not contradicted', () => {
  const readOnly = { readOnlyHint: true };
  it.each([
    tool('runAccessibilityAudit', 'Run an accessibility audit on the current page', {}, readOnly),
    tool('run_audit', 'Run a comprehensive Lighthouse audit on a website', {}, readOnly),
    tool('qmetry_execute_quality_gate_report', 'Execute a quality gate report by forwarding the request to the backend analytics engine and returning the result.', {}, readOnly),
    tool('start_search', 'Start a streaming search that can return results progressively.', {}, readOnly),
    tool('DNS_validateDNSRecordsV1', 'Validate DNS records prior to update for the selected domain.', { overwrite: { description: 'If true, resource records will be replaced.' } }, readOnly),
    tool('hosting_checkIfWordPressInstallationsAreValidV1', 'Check whether one or more WordPress installations are valid and working correctly.', { force: {} }, readOnly),
    tool('contract-testing_can_i_deploy', 'Performs a comprehensive compatibility check to determine whether a specific version of a service can be safely deployed to an environment.', {}, readOnly),
    tool('netlify-coding-rules', 'ALWAYS call when writing serverless or Netlify code. required step before creating or editing any type of functions.', {}, readOnly),
  ])('%j is Read with no contradiction', (definition) => {
    const result = classifyTool(definition);
    expect(result.category).toBe('Read');
    expect(result.findings.map((finding) => finding.rule)).not.toContain('annotation.read-only-contradicted');
  });

  it.each([
    tool('run_tests', 'Run the test suite of the project.', {}, readOnly),
    tool('reflect_execute_suite', 'Execute a reflect suite', {}, readOnly),
    tool('submit_bug_or_feature_request', 'Report a bug, submit a feature request, or share feedback about the product.', {}, readOnly),
    tool('delete_file', 'Delete a file.', { force: {} }, readOnly),
  ])('%j is still contradicted', (definition) => {
    expect(classifyTool(definition).findings.map((finding) => finding.rule)).toContain('annotation.read-only-contradicted');
  });
});
