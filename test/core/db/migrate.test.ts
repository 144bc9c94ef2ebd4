/** The migration runner: applies once, records like Prisma does, and is safe for instances starting together. */
import { createHash } from 'node:crypto';
import { openDb } from '../../../core/db/client';
import { migrate, pendingMigrations, readMigrations } from '../../../core/db/migrate';
import { createTestDatabaseUrl, testProvider } from '../../helpers/db';

describe('migrations', () => {
  it('apply once, even when two instances start at the same moment, and record checksums in _prisma_migrations', async () => {
    const { url, dispose } = await createTestDatabaseUrl();
    try {
      expect(await pendingMigrations(url)).toEqual(readMigrations(testProvider()).map((m) => m.name));
      const [a, b] = await Promise.all([migrate(url), migrate(url)]);
      expect([...a, ...b].sort()).toEqual(readMigrations(testProvider()).map((m) => m.name));
      expect(await migrate(url)).toEqual([]);
      expect(await pendingMigrations(url)).toEqual([]);

      const db = await openDb(url);
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
      );
      await db.close();
      expect(rows).toEqual(
        readMigrations(testProvider()).map((m) => ({
          migration_name: m.name,
          checksum: createHash('sha256').update(m.sql).digest('hex'),
        })),
      );
    } finally {
      await dispose();
    }
  });
});
