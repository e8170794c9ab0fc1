// The server's command line: `npm run server -- <command> [options]` (server/cli/run-cli.ts).
import { runCli } from './cli/run-cli';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
