/**
 * Which statements a connection keeps prepared (PostgreSQL by name, SQLite by text): those of up to
 * MAX_REUSED_PARAMS parameters, and at most MAX_REUSED_STATEMENTS texts, so one-off bulk statements
 * (long IN lists, multi-row inserts) cannot pile up on every connection.
 */
import { createHash } from 'node:crypto';

export const MAX_REUSED_PARAMS = 100;
export const MAX_REUSED_STATEMENTS = 1_000;

/**
 * Names for PostgreSQL statements, so that each connection prepares a statement once and reuses it:
 * PostgreSQL then skips parsing and planning what it has seen. A name is the
 * hash of the SQL, so it always means one text. Only statements allowed above are named; the rest get ''
 * (the protocol's unnamed statement, parsed each time).
 */
export function statementNames(): (sql: string, params: number) => string {
  const names = new Map<string, string>();
  return (sql, params) => {
    if (params > MAX_REUSED_PARAMS) return '';
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_REUSED_STATEMENTS)
      names.set(sql, (name = `chaser_${createHash('sha1').update(sql).digest('base64url')}`));
    return name ?? '';
  };
}
