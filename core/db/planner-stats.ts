/**
 * Keeps the query planner's statistics current. PostgreSQL's autovacuum gathers them itself; SQLite
 * never does, and without them (or with those of a database that was empty when they were taken) it
 * guesses, and picks scans over indexes on large tables. A full ANALYZE, not a sampled one
 * (analysis_limit): sampling leaves the Update table's plans as bad as none (docs/decisions.md).
 */
import type { Db } from './client';

export async function refreshPlannerStats(db: Db): Promise<void> {
  if (db.provider === 'sqlite') await db.prisma.$executeRawUnsafe('ANALYZE');
}
