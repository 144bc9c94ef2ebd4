/**
 * Which statements a connection keeps prepared (PostgreSQL by name, SQLite by text): those of up to
 * MAX_REUSED_PARAMS parameters, and at most MAX_REUSED_STATEMENTS texts, so one-off bulk statements
 * (long IN lists, multi-row inserts) cannot pile up on every connection.
 */
export const MAX_REUSED_PARAMS = 100;
export const MAX_REUSED_STATEMENTS = 1_000;
