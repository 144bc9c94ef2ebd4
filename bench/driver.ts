/**
 * The database driver on its own, without Prisma: the floor the benchmark compares Chaser with, and bulk
 * inserts for the generated data. Prisma's createMany through the libsql adapter managed about 2,500
 * rows/s on this machine, so the 100k data set (about half a million rows) would take minutes; multi-row
 * INSERTs through the driver are 6× faster or more. Values go in the formats Prisma itself writes, so
 * Chaser reads the rows as its own: SQLite DATETIME as "2026-11-24T09:00:00.000+00:00" text,
 * PostgreSQL TIMESTAMP(3) as UTC wall time.
 */
import { createHash } from 'node:crypto';
import Database from 'libsql';
import { Client as PgClient } from 'pg';
import { providerOf, type Provider } from '../core/db/client';
import { sqlitePath } from '../core/db/sqlite-connection';
import { MAX_REUSED_PARAMS } from '../core/db/statement-reuse';

export type Row = Record<string, unknown>;

export interface Driver {
  provider: Provider;
  /** SQL with `?` placeholders (numbered for PostgreSQL here). */
  query(sql: string, args?: unknown[]): Promise<Row[]>;
  /** Inserts rows (objects with the same keys) into a table, in multi-row statements. */
  insert(table: string, rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

/** SQLite caps bound parameters at 32,766, PostgreSQL at 65,535; stay well under both. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

export async function openDriver(url: string): Promise<Driver> {
  let query: Driver['query'];
  let close: Driver['close'];
  if (providerOf(url) === 'sqlite') {
    const db = new Database(sqlitePath(url));
    // Benchmark data only: a crash mid-generation just means generating again.
    db.exec('PRAGMA synchronous = OFF');
    // Each statement prepared once and run again, as Chaser's are (core/db/sqlite-connection.ts): the
    // floor gets what the driver does best. Bulk inserts are prepared each time.
    const statements = new Map<string, ReturnType<typeof db.prepare>>();
    const prepare = (sql: string, reuse: boolean) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        if (reuse) statements.set(sql, statement);
      }
      return statement;
    };
    query = async (sql, args = []) => {
      const statement = prepare(sql, args.length <= MAX_REUSED_PARAMS);
      const values = args.map(sqliteValue);
      if (statement.reader) return statement.all(values) as Row[];
      statement.run(values);
      return [];
    };
    close = async () => {
      db.close();
    };
  } else {
    const client = new PgClient({ connectionString: url });
    await client.connect();
    query = async (sql, args = []) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      // Prepared once and reused by name, as Chaser's statements are (core/db/client.ts). Bulk inserts
      // stay unnamed.
      const name =
        args.length <= MAX_REUSED_PARAMS ? `floor_${createHash('sha1').update(text).digest('base64url')}` : undefined;
      return (await client.query({ name, text, values: args.map(pgValue) })).rows;
    };
    close = () => client.end();
  }
  return { provider: providerOf(url), query, insert: (table, rows) => insertRows(query, table, rows), close };
}

async function insertRows(query: Driver['query'], table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    await query(
      head + part.map(() => tuple).join(', '),
      part.flatMap((r) => columns.map((c) => r[c] ?? null)),
    );
  }
}

function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

function pgValue(v: unknown): unknown {
  // TIMESTAMP(3) has no zone: pass UTC wall time, as Prisma does, whatever the process's TZ.
  return v instanceof Date ? v.toISOString().replace('Z', '') : v;
}
