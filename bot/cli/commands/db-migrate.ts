/** `db:migrate`: applies pending migrations (the bot also does this at start). */
import { migrate } from '../../../core/db/migrate';
import type { CliCommand } from '../command';

export const dbMigrate: CliCommand = {
  name: 'db:migrate',
  usage: 'db:migrate',
  summary: 'apply pending database migrations',
  needsDb: false,
  async run(_args, ctx) {
    const applied = await migrate(ctx.config.DATABASE_URL);
    ctx.out(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
    return 0;
  },
};
