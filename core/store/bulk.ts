/**
 * Bulk inserts and updates inside the caller's transaction. Prisma's createMany through the libsql
 * adapter writes about 2,500 rows/s, and a multi-row INSERT binding every value still spends much of
 * its time in Prisma's per-parameter handling (and meets the parameter limits: 32,766 on SQLite,
 * 65,535 on PostgreSQL). So each batch of rows goes as one JSON text parameter that the database
 * unpacks itself (json_each on SQLite, json_populate_recordset on PostgreSQL).
 * Values are stored in Prisma's own formats, so the rows read back through Prisma as its own: SQLite
 * DateTime as "2015-06-01T09:00:00.000+00:00" text and booleans as 0/1; PostgreSQL TIMESTAMP(3) as UTC
 * wall time (a timestamp without time zone ignores the "Z" of ISO text).
 */
import { randomBytes } from 'node:crypto';
import { Prisma } from '../../prisma/generated/sqlite/client/client';
import type { Provider } from '../db/client';
import type { Tx } from '../db/tx';

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
  const sqlite = provider === 'sqlite';
  // The batch as a table `s` with the table's columns in their stored types.
  const source = (table: Prisma.ModelName, json: string) =>
    sqlite
      ? Prisma.sql`json_each(${json}) AS s`
      : Prisma.sql`json_populate_recordset(NULL::${Prisma.raw(`"${table}"`)}, ${json}::json) AS s`;
  // A column of `s` as SQL: on SQLite a row is an array in column order (see toJson).
  const valueIn = (columns: string[]) => (c: string) => (sqlite ? `s.value->>${columns.indexOf(c)}` : `s."${c}"`);
  const toJson = jsonWriter(provider);
  const inBatches = async (table: Prisma.ModelName, rows: Row[], statement: (from: Prisma.Sql) => Prisma.Sql) => {
    const columns = Object.keys(rows[0]);
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await tx.$executeRaw(statement(source(table, toJson(rows.slice(i, i + ROWS_PER_STATEMENT), columns))));
    }
  };
  return {
    insert: async (table, rows) => {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      const into = Prisma.raw(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${columns.map(valueIn(columns)).join(', ')} FROM `,
      );
      await inBatches(table, rows, (from) => Prisma.sql`${into}${from}`);
    },
    update: async (table, rows, increments = []) => {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      const value = valueIn(columns);
      const set = columns
        .filter((c) => c !== 'id')
        .map((c) => `"${c}" = ${increments.includes(c) ? `t."${c}" + ` : ''}${value(c)}`);
      const head = Prisma.raw(`UPDATE "${table}" AS t SET ${set.join(', ')} FROM `);
      await inBatches(table, rows, (from) => Prisma.sql`${head}${from} WHERE t."id" = ${Prisma.raw(value('id'))}`);
    },
  };
}

/**
 * Rows as JSON text, each Date already in its stored form: JSON writes a Date as ISO text ending in "Z",
 * where Prisma stores "+00:00" on SQLite. Converting here, once per distinct instant (an import's rows
 * share a few), keeps JSON.stringify off its slow path of calling toJSON per Date. SQLite gets arrays in
 * column order, less text to pass on and parse; json_populate_recordset on PostgreSQL needs objects.
 */
function jsonWriter(provider: Provider): (rows: Row[], columns: string[]) => string {
  const stored = provider === 'sqlite' ? (iso: string) => iso.replace('Z', '+00:00') : (iso: string) => iso;
  return (rows, columns) => {
    const texts = new Map<number, string | null>();
    const json = (v: unknown) => {
      if (!(v instanceof Date)) return v;
      const ms = v.getTime();
      if (!texts.has(ms)) texts.set(ms, v.toJSON() && stored(v.toJSON())); // an invalid Date's JSON is null
      return texts.get(ms);
    };
    if (provider === 'sqlite') return JSON.stringify(rows.map((row) => columns.map((c) => json(row[c]))));
    return JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c, json(row[c])]))));
  };
}

const PROCESS = randomBytes(6).toString('hex');
let sequence = 0;
/** The time part of the last id: a bulk import makes thousands of ids per millisecond. */
let stamp = { ms: -1, text: '' };

/**
 * An id that sorts after every id this process made before: bulk inserts then append to the end of the
 * primary-key index instead of scattering through it (about a fifth cheaper on SQLite). Time and a
 * counter order it; the process's random part keeps other processes' ids apart.
 */
export function orderedId(): string {
  const ms = Date.now();
  if (ms !== stamp.ms) stamp = { ms, text: ms.toString(36).padStart(9, '0') };
  return `${stamp.text}${(sequence++).toString(36).padStart(8, '0')}${PROCESS}`;
}
