/**
 * Kysely's SQLite dialect on a libsql connection of its own to the database file (libsql has
 * better-sqlite3's API, which the dialect drives). It keeps each statement it prepares, as
 * sqlite-connection.ts does under Prisma, and gives the store PostgreSQL's values: timestamps as Dates
 * and booleans as booleans, where SQLite keeps text and 0/1. A second connection reads in WAL mode beside
 * Prisma's without waiting for its writes; each store read sees what was committed when it started.
 */
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import Database from 'libsql';
import { MAX_REUSED_PARAMS, MAX_REUSED_STATEMENTS } from '../db/statement-reuse';

type Row = Record<string, unknown>;

export function sqliteDialect(path: string, pragmas: readonly string[]): SqliteDialect {
  return new SqliteDialect({ database: async () => openDatabase(path, pragmas) });
}

function openDatabase(path: string, pragmas: readonly string[]): SqliteDatabase {
  const db = new Database(path);
  for (const pragma of pragmas) db.exec(pragma);
  const prepared = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      const known = prepared.get(sql);
      if (known) return known;
      const statement = storeStatement(db.prepare(sql));
      // Statements whose text holds their values (long IN lists) differ every time: keeping them would
      // only grow the map.
      if (countParams(sql) <= MAX_REUSED_PARAMS && prepared.size < MAX_REUSED_STATEMENTS) prepared.set(sql, statement);
      return statement;
    },
    close() {
      prepared.clear();
      db.close();
    },
  };
}

function storeStatement(statement: Database.Statement<unknown[]>): SqliteStatement {
  const reader = statement.reader;
  // Columns by their declared type: Prisma declares DateTime as DATETIME (ISO text) and Boolean as BOOLEAN (0/1).
  const columns = reader ? statement.columns() : [];
  const dates = columns.filter((c) => c.type === 'DATETIME').map((c) => c.name);
  const flags = columns.filter((c) => c.type === 'BOOLEAN').map((c) => c.name);
  const convert =
    dates.length + flags.length === 0
      ? (row: Row) => row
      : (row: Row) => {
          for (const name of dates) if (typeof row[name] === 'string') row[name] = new Date(row[name]);
          for (const name of flags) if (row[name] !== null) row[name] = row[name] === 1;
          return row;
        };
  return {
    reader,
    all: (params) => (statement.all(params.map(toSqlite)) as Row[]).map(convert),
    run: (params) => statement.run(params.map(toSqlite)),
    *iterate(params) {
      for (const row of statement.iterate(params.map(toSqlite))) yield convert(row as Row);
    },
  };
}

/** Values as Prisma stores them on SQLite: a timestamp as ISO text at UTC, a boolean as 0 or 1. */
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Kysely writes SQLite's parameters as `?`; none of Chaser's statements has a `?` in a literal. */
const countParams = (sql: string) => sql.split('?').length - 1;
