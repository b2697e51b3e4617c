// The package's bin, `mcp-risk-catalog`: runs the CLI with this process's arguments, folders and
// output. Bundled by scripts/build-cli.ts into one file with the dataset folder beside it.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';

const status = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  home: os.homedir(),
  env: process.env,
  platform: process.platform,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  datasetDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'data'),
});
process.exitCode = status;
