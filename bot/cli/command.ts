/** A CLI command: `npm run chaser -- <name> [args]`. Output goes to `out` so tests can read it. */
import type { Config } from '../../core/config';
import type { CoreContext } from '../../core/context';

export interface CliContext {
  core: CoreContext;
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Commands that manage the database itself run before it is opened. */
  needsDb?: boolean;
  /** Returns the process exit code. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** `--flag value` and `--switch` options, plus positional arguments. */
export function parseArgs(args: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    const next = args[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) options[name] = args[++i];
    else options[name] = true;
  }
  return { positional, options };
}

export function stringOption(options: Record<string, string | true>, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}
