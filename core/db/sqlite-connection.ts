/**
 * Chaser's SQLite connection under Prisma's libsql adapter: the part of @libsql/client's interface the
 * adapter calls (execute, transaction, executeMultiple, close), on one libsql connection for the life of
 * the client. @libsql/client hands its connection to each transaction and opens a fresh one for what
 * comes next, never closing the one it handed over: every write transaction leaves a connection (three
 * file handles) for the garbage collector, and a burst of them (sealing a large database's history at
 * start, one transaction per action) runs out of handles (SQLITE_CANTOPEN). The fresh connections also
 * start with SQLite's defaults, losing the busy timeout. See docs/decisions.md.
 *
 * One connection is enough: the adapter runs one statement at a time and holds its lock for the whole
 * of a transaction, so nothing else reaches the connection between BEGIN and COMMIT. It keeps the
 * statements it has prepared, as the store's connection does. Integers come back as numbers, as with
 * @libsql/client's default; Chaser stores none past 2^53.
 */
import type { Client, InArgs, InStatement, ResultSet, Row, Transaction, TransactionMode } from '@libsql/client';
import Database from 'libsql';
import { MAX_REUSED_PARAMS, MAX_REUSED_STATEMENTS } from './statement-reuse';

type Statement = Database.Statement<unknown[]>;

interface Prepared {
  statement: Statement;
  reader: boolean;
  columns: string[];
  columnTypes: string[];
}

/**
 * Opens the SQLite file of a `file:` URL, runs `settings` (PRAGMAs) once, and serves the adapter.
 * Only what the adapter calls is here; the rest of @libsql/client's interface throws.
 */
export function openSqliteConnection(url: string, settings: readonly string[]): Client {
  const db = new Database(sqlitePath(url));
  for (const pragma of settings) db.exec(pragma);
  const prepared = new Map<string, Prepared>();

  const prepare = (sql: string, params: number): Prepared => {
    const known = prepared.get(sql);
    if (known) return known;
    const statement = db.prepare(sql);
    const reader = statement.reader;
    if (reader) statement.raw(true);
    const columns = reader ? statement.columns() : [];
    const entry = {
      statement,
      reader,
      columns: columns.map((c) => c.name),
      columnTypes: columns.map((c) => c.type ?? ''),
    };
    // Texts with long IN lists or many rows differ every time: keeping them would only grow the map.
    if (params <= MAX_REUSED_PARAMS && prepared.size < MAX_REUSED_STATEMENTS) prepared.set(sql, entry);
    return entry;
  };

  const execute = async (stmt: InStatement | string, args?: InArgs): Promise<ResultSet> => {
    const { sql, args: given = args ?? [] } = typeof stmt === 'string' ? { sql: stmt } : stmt;
    if (!Array.isArray(given)) throw new TypeError('Chaser binds SQLite parameters by position only');
    const values = given.map(toSql);
    // libsql's errors carry what the adapter maps (message, code, rawCode), as @libsql/client's do.
    const { statement, reader, columns, columnTypes } = prepare(sql, values.length);
    if (!reader) {
      const info = statement.run(values);
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    }
    return resultSet(columns, columnTypes, statement.all(values) as Row[], 0, undefined);
  };

  const run = (sql: string) => execute(sql);
  let closed = false;
  const unsupported = (what: string) => () => {
    throw new Error(`${what} is not used by Chaser's SQLite connection`);
  };

  return {
    execute,
    async transaction(mode: TransactionMode = 'deferred'): Promise<Transaction> {
      await run(`BEGIN ${mode === 'write' ? 'IMMEDIATE' : mode === 'read' ? 'DEFERRED' : mode.toUpperCase()}`);
      const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
        if (db.inTransaction) await run(sql);
      };
      return {
        execute,
        commit: () => end('COMMIT'),
        rollback: () => end('ROLLBACK'),
        close: () => void end('ROLLBACK'),
        get closed() {
          return !db.inTransaction;
        },
        batch: unsupported('batch'),
        executeMultiple: unsupported('executeMultiple'),
      } as unknown as Transaction;
    },
    async executeMultiple(sql: string) {
      try {
        db.exec(sql);
      } finally {
        if (db.inTransaction) db.exec('ROLLBACK');
      }
    },
    close() {
      closed = true;
      prepared.clear();
      db.close();
    },
    get closed() {
      return closed;
    },
    protocol: 'file',
    batch: unsupported('batch'),
    migrate: unsupported('migrate'),
    sync: unsupported('sync'),
    reconnect: unsupported('reconnect'),
  } as unknown as Client;
}

/** The file a `file:` URL names: `file:./data/chaser.db`, `file:/abs/path.db`, `file:///abs/path.db`. */
export function sqlitePath(url: string): string {
  const rest = url.replace(/^file:/, '');
  if (!rest.startsWith('//')) return decodeURIComponent(rest.split('?')[0]);
  const { hostname, pathname } = new URL(url);
  if (hostname !== '' && hostname !== 'localhost')
    throw new Error(`a file: URL names a file on this machine, not on "${hostname}"`);
  return decodeURIComponent(pathname);
}

/** As @libsql/client binds values: booleans as 0/1, bytes as Buffers, Dates as milliseconds. */
function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows, rowsAffected }),
  };
}
