/**
 * Kysely's PostgreSQL dialect on the pg pool Prisma's adapter uses: the same connections, each keeping its
 * prepared statements under the names Prisma's own get (core/db/client.ts). Timestamps (Prisma's
 * `timestamp(3)`, without a time zone, holding UTC) come back as Dates at UTC and go in as UTC text,
 * whatever the process's time zone; pg alone would read and write them in local time.
 */
import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';

const { TIMESTAMP, DATE } = pg.types.builtins;

/** A date (`column::date`) stays its "YYYY-MM-DD" text, as SQLite's `substr(column, 1, 10)` gives it. */
const PARSERS: Record<number, (text: string) => unknown> = {
  [TIMESTAMP]: (text) => new Date(`${text.replace(' ', 'T')}Z`),
  [DATE]: (text) => text,
};

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `nameOf`: a statement's name (statement-reuse.ts), or '' for none; absent, no statement is named. */
export function postgresDialect(
  pool: pg.Pool,
  nameOf: (sql: string, params: number) => string = () => '',
): PostgresDialect {
  const storePool: PostgresPool = {
    async connect() {
      const client = await pool.connect();
      const query = async <R>(sql: string, params: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
        const values = params.map((v) => (v instanceof Date ? v.toISOString() : v));
        const result = await client.query({ name: nameOf(sql, values.length) || undefined, text: sql, values, types });
        const command = result.command as PostgresQueryResult<R>['command'];
        return { command, rowCount: result.rowCount ?? 0, rows: result.rows };
      };
      return { query, release: (destroy?: boolean) => client.release(destroy) } as PostgresPoolClient;
    },
    // The pool is Prisma's too: Db.close ends it.
    end: async () => undefined,
  };
  return new PostgresDialect({ pool: storePool });
}
