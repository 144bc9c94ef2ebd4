/**
 * Bulk inserts and updates inside the caller's transaction. Prisma's createMany through the libsql
 * adapter writes about 2,500 rows/s, and a multi-row INSERT binding every value still spends much of
 * its time in Prisma's per-parameter handling (and meets the parameter limits: 32,766 on SQLite,
 * 65,535 on PostgreSQL). So each batch of rows goes as one JSON text parameter that the database
 * unpacks itself (json_each on SQLite, json_populate_recordset on PostgreSQL).
 * Values are stored in Prisma's own formats, so the rows read back through Prisma as its own: SQLite
 * DateTime as "2015-06-01T09:00:00.000+00:00" text and booleans as 0/1; PostgreSQL TIMESTAMP(3) as UTC
 * wall time (a timestamp without time zone ignores the "Z" of the ISO text JSON gives a Date).
 */
import { randomBytes } from 'node:crypto';
import { Prisma } from '../../prisma/generated/sqlite/client/client';
import type { Provider } from './client';
import type { Tx } from './tx';

export type Row = Record<string, unknown>;

/** Bounds the JSON text of one statement to a few megabytes. */
export const ROWS_PER_STATEMENT = 5000;

export interface Bulk {
  /**
   * Inserts rows of one shape (the first row's keys are the columns). Give every column a value:
   * database defaults are not Prisma's (SQLite's CURRENT_TIMESTAMP is text in another format).
   */
  insert(table: Prisma.ModelName, rows: Row[]): Promise<void>;
  /**
   * Sets the columns of rows of one shape, found by `id`. Columns named in `increments` are added to
   * the stored value (a version bump stays atomic, as with Prisma's `increment`). Set `updatedAt` too:
   * Prisma's @updatedAt only applies to its own writes.
   */
  update(table: Prisma.ModelName, rows: Row[], increments?: string[]): Promise<void>;
}

/** Bulk writes in the transaction `tx`, ROWS_PER_STATEMENT rows per statement. */
export function bulk(tx: Tx, provider: Provider): Bulk {
  // The batch as a table `s` with the table's columns in their stored types.
  const source = (table: Prisma.ModelName, json: string) =>
    provider === 'sqlite' ? Prisma.sql`json_each(${json}) AS s` : Prisma.sql`json_populate_recordset(NULL::${Prisma.raw(`"${table}"`)}, ${json}::json) AS s`;
  // A column of `s` as SQL. JSON writes a Date as ISO text ending in "Z", where Prisma stores "+00:00" on SQLite.
  const valueOf = (rows: Row[]): ((column: string) => string) => {
    if (provider === 'postgresql') return (c) => `s."${c}"`;
    const dates = new Set(Object.keys(rows[0]).filter((c) => rows.some((r) => r[c] instanceof Date)));
    return (c) => (dates.has(c) ? `replace(s.value->>'${c}', 'Z', '+00:00')` : `s.value->>'${c}'`);
  };
  const inBatches = async (table: Prisma.ModelName, rows: Row[], statement: (from: Prisma.Sql) => Prisma.Sql) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await tx.$executeRaw(statement(source(table, JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT)))));
    }
  };
  return {
    insert: async (table, rows) => {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      const into = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${columns.map(valueOf(rows)).join(', ')} FROM `);
      await inBatches(table, rows, (from) => Prisma.sql`${into}${from}`);
    },
    update: async (table, rows, increments = []) => {
      if (!rows.length) return;
      const value = valueOf(rows);
      const set = Object.keys(rows[0])
        .filter((c) => c !== 'id')
        .map((c) => `"${c}" = ${increments.includes(c) ? `t."${c}" + ` : ''}${value(c)}`);
      const head = Prisma.raw(`UPDATE "${table}" AS t SET ${set.join(', ')} FROM `);
      await inBatches(table, rows, (from) => Prisma.sql`${head}${from} WHERE t."id" = ${Prisma.raw(value('id'))}`);
    },
  };
}

const PROCESS = randomBytes(6).toString('hex');
let sequence = 0;

/**
 * An id that sorts after every id this process made before: bulk inserts then append to the end of the
 * primary-key index instead of scattering through it (about a fifth cheaper on SQLite). Time and a
 * counter order it; the process's random part keeps other processes' ids apart.
 */
export function orderedId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}${(sequence++).toString(36).padStart(8, '0')}${PROCESS}`;
}
