/**
 * Which of many keys a unique text column already holds. A reminder sweep asks this of tens of
 * thousands of keys (ReminderLog, outbox idempotency keys): as Prisma's `in` list every key is a bound
 * parameter, split across statements to fit the parameter limit, and that handling was most of the
 * lookup. Here the list goes as one JSON text parameter that the database unpacks itself, past Prisma's
 * parameter handling (queryRows): at 42,000 keys ~180 ms became ~22 ms on PostgreSQL, ~34 ms on SQLite.
 */
import type { Db } from './client';

/** Tables and unique columns looked up this way (names go into SQL, so only these). */
const LOOKUPS = { ReminderLog: 'key', OutboxMessage: 'idempotencyKey' } as const;

/**
 * Keys per statement on PostgreSQL. Each key is an index probe, and one statement runs in one backend on
 * one core: parts on separate connections run at once (~42,600 keys: ~185 → ~100 ms on two cores).
 * SQLite has one connection, so it gets the list whole.
 */
const KEYS_PER_STATEMENT = 10_000;

export async function existingKeys<T extends keyof typeof LOOKUPS>(db: Db, table: T, column: (typeof LOOKUPS)[T], keys: readonly string[]): Promise<Set<string>> {
  const size = db.provider === 'postgresql' ? KEYS_PER_STATEMENT : keys.length;
  const parts = [];
  for (let i = 0; i < keys.length; i += size) parts.push(keys.slice(i, i + size));
  const sql = `SELECT "${column}" FROM "${table}" WHERE "${column}" IN (${jsonTextList(db, '$1')})`;
  const found = await Promise.all(parts.map((part) => db.queryRows(sql, [JSON.stringify(part)])));
  return new Set(found.flat().map(([key]) => key as string));
}

/** A subquery of the strings in a JSON array parameter (`$n`), for `IN (…)`: one parameter however long the list. */
function jsonTextList(db: Pick<Db, 'provider'>, param: string): string {
  return db.provider === 'sqlite' ? `SELECT value FROM json_each(${param})` : `SELECT json_array_elements_text(${param}::json)`;
}
