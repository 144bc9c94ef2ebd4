/**
 * Which of many keys a unique text column already holds. A reminder sweep asks this of tens of
 * thousands of keys (ReminderLog): as an `in` list every key would be a bound parameter, split across
 * statements to fit the parameter limit. Here the list goes as one text parameter that the database
 * unpacks itself.
 */
import { sql, type RawBuilder } from '.';
import type { Db } from '../db/client';

/** Tables and unique columns looked up this way (names go into SQL, so only these). */
const LOOKUPS = { ReminderLog: 'key' } as const;

/**
 * Keys per statement on PostgreSQL. Each key is an index probe, and one statement runs in one backend on
 * one core: parts on separate connections run at once. SQLite has one connection, so it gets the list
 * whole.
 */
const KEYS_PER_STATEMENT = 10_000;

/**
 * The positions in `keys` of those the column already holds: numbers rather than the keys themselves,
 * which would be read back as strings and hashed again to match them.
 */
export async function existingKeys<T extends keyof typeof LOOKUPS>(
  db: Db,
  table: T,
  column: (typeof LOOKUPS)[T],
  keys: readonly string[],
): Promise<number[]> {
  const sqlite = db.provider === 'sqlite';
  const size = sqlite ? keys.length : KEYS_PER_STATEMENT;
  const parts: Promise<number[]>[] = [];
  // json_each numbers array elements from 0, PostgreSQL's ORDINALITY from 1. PostgreSQL takes the keys
  // as one text of lines, split by the server (as a text[] the driver escapes and quotes each key).
  // Chaser's keys are ids, kinds and dates; a part holding a key with a line break goes as a text[]. It
  // probes the unique index once per key through LATERAL ... LIMIT 1: as a plain join, a plan made for
  // the keys at hand hashed the whole table whenever the keys were a tenth of it or more, so the lookup
  // grew with years of rows rather than with the keys.
  const probe = (list: RawBuilder<unknown>) =>
    sql<{
      i: number;
    }>`SELECT (k.i - 1)::int AS "i" FROM unnest(${list}) WITH ORDINALITY AS k(v, i) JOIN LATERAL (SELECT 1 FROM ${sql.table(table)} t WHERE ${sql.ref(`t.${column}`)} = k.v LIMIT 1) hit ON true`;
  for (let from = 0; from < keys.length; from += size) {
    const part = keys.slice(from, from + size);
    const query = sqlite
      ? sql<{
          i: number;
        }>`SELECT k."key" AS "i" FROM json_each(${JSON.stringify(part)}) k JOIN ${sql.table(table)} t ON ${sql.ref(`t.${column}`)} = k."value"`
      : part.some((key) => key.includes('\n'))
        ? probe(sql`${part}::text[]`)
        : probe(sql`string_to_array(${part.join('\n')}::text, E'\\n')`);
    parts.push(query.execute(db.store).then(({ rows }) => rows.map(({ i }) => from + Number(i))));
  }
  return (await Promise.all(parts)).flat();
}
