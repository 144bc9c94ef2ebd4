/**
 * The typed read layer (ARCHITECTURE "Reads"): Kysely, typed by the tables prisma/models.prisma declares
 * (prisma/generated/kysely, generated with the Prisma clients), on the stock drivers Prisma's adapters use.
 * Only this folder imports Kysely or a driver to read; Db.store is its handle. Writes stay on Prisma,
 * except the SQL Prisma cannot write, which lives here too: the outbox's claim on PostgreSQL (outbox.ts)
 * and bulk inserts and updates inside Prisma's transaction (bulk.ts).
 * A constant of the statement itself (a status, a kind) is written as `sql.lit(...)`, not bound: PostgreSQL
 * may plan a prepared statement once for any value of a parameter, and so not know that the rows it
 * selects are, say, the open ones.
 */
import { type Expression, Kysely, sql } from 'kysely';
import * as postgresJson from 'kysely/helpers/postgres';
import * as sqliteJson from 'kysely/helpers/sqlite';
import type pg from 'pg';
import type { Provider } from '../db/client';
import type { DB } from '../../prisma/generated/kysely/types';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';

export type { DB };
export type Store = Kysely<DB>;
/** What callers write conditions and fragments with, so that no module outside this one imports Kysely. */
export { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';

/** On the SQLite file at `path`, through a connection of its own with these settings (PRAGMAs). */
export function sqliteStore(path: string, pragmas: readonly string[]): Store {
  return new Kysely<DB>({ dialect: sqliteDialect(path, pragmas) });
}

/** On Prisma's pg pool, naming statements as Prisma does; destroying the store leaves the pool open. */
export function postgresStore(pool: pg.Pool, nameOf?: (sql: string, params: number) => string): Store {
  return new Kysely<DB>({ dialect: postgresDialect(pool, nameOf) });
}

/**
 * Kysely's `jsonArrayFrom` for the database in use: a subquery's rows as one JSON array per row, parsed
 * by pg and text from SQLite (`fromJson` in action-views.ts reads both).
 */
export function jsonArrayFrom(provider: Provider) {
  return provider === 'postgresql' ? postgresJson.jsonArrayFrom : sqliteJson.jsonArrayFrom;
}

/**
 * A timestamp's UTC day as "YYYY-MM-DD", cut by the database: a sweep compares days, reads several per
 * open action, and the database cuts them for less than the driver's Dates cost to make and format.
 */
export function utcDay<T extends Date | null>(provider: Provider, column: Expression<T>) {
  return provider === 'sqlite'
    ? sql<Exclude<T, Date> | string>`substr(${column}, 1, 10)`
    : sql<Exclude<T, Date> | string>`(${column})::date`;
}
