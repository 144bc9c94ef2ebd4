/** `npm run chaser -- <command>`: exits with the command's code; a bad environment variable is one line. */
import { ConfigError } from '../../core/config';
import { runCli } from './run';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err instanceof ConfigError ? err.message : `chaser: ${err.message}`);
    process.exit(1);
  },
);
