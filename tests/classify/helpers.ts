// Builds MCP tool definitions for the classifier tests in one line each: the same builder the rule
// examples of src/classify/rules/examples.ts use.
export { exampleTool as tool } from '../../src/classify/rules/examples';
