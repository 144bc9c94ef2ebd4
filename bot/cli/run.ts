/** Runs one CLI command against the database named by DATABASE_URL (the same one the bot uses). */
import { loadConfig } from '../../core/config';
import type { CoreContext } from '../../core/context';
import { openDb } from '../../core/db/client';
import { sealLegacyHistory } from '../../core/history/seal';
import { migrate } from '../../core/db/migrate';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { systemClock, type Clock } from '../../core/time';
import type { CliContext } from './command';
import { commands } from './commands';

export interface CliIo {
  env?: NodeJS.ProcessEnv;
  now?: Clock;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = io.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    if (name && name !== 'help' && name !== '--help') err(`unknown command "${name}"`);
    out('usage: npm run chaser -- <command>');
    for (const c of commands) out(`  ${c.usage.padEnd(58)} ${c.summary}`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const config = loadConfig(io.env ?? process.env);
  if (command.needsDb === false) {
    return command.run(args, { core: undefined as never, config, out, err });
  }
  await migrate(config.DATABASE_URL);
  const db = await openDb(config.DATABASE_URL);
  await sealLegacyHistory(db);
  const core: CoreContext = {
    db,
    now: io.now ?? systemClock,
    timeZone: config.DEFAULT_TIME_ZONE,
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: config.ADMIN_AAD_IDS,
    teamsAppId: config.TEAMS_APP_ID,
  };
  const ctx: CliContext = { core, config, out, err };
  try {
    return await command.run(args, ctx);
  } finally {
    await db.close();
  }
}
