/**
 * Another process holding the database's write lock, as the CLI or a second instance would: SQLite
 * locked with BEGIN IMMEDIATE, PostgreSQL's Action table locked against writes (reads still work, as in
 * SQLite's WAL mode). Resolves once the lock is held; `released` resolves when the process let it go.
 */
import { spawn } from 'node:child_process';

const HOLDER = `
const [url, ms] = process.argv.slice(1);
const done = () => { process.stdout.write('released\\n'); process.exit(0); };
if (url.startsWith('file:')) {
  const Database = require('libsql');
  const db = new Database(url.slice('file:'.length));
  db.exec('BEGIN IMMEDIATE');
  process.stdout.write('locked\\n');
  setTimeout(() => { db.exec('COMMIT'); done(); }, Number(ms));
} else {
  const { Client } = require('pg');
  const c = new Client({ connectionString: url });
  (async () => {
    await c.connect();
    await c.query('BEGIN');
    await c.query('LOCK TABLE "Action" IN EXCLUSIVE MODE');
    process.stdout.write('locked\\n');
    setTimeout(async () => { await c.query('COMMIT'); await c.end(); done(); }, Number(ms));
  })();
}
`;

export async function holdWriteLock(databaseUrl: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', HOLDER, databaseUrl, String(ms)], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(word) && resolve();
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        check();
      });
      child.once('exit', (code) =>
        out.includes(word) ? resolve() : reject(new Error(`lock holder exited with ${code}`)),
      );
      check();
    });
  await seen('locked');
  return { released: seen('released') };
}
