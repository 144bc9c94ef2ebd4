/** Runs `npm run chaser -- …` in process against a test database, with the test's clock: what it printed, and its exit code. */
import { runCli } from '../../bot/cli/run';

export async function runCliOn(url: string, now: () => Date, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: { DATABASE_URL: url },
    now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

/** The same, its output as text. */
export async function runCliText(url: string, now: () => Date, argv: string[]) {
  const { code, out, err } = await runCliOn(url, now, argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
