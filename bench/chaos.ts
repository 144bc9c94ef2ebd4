/**
 * `npm run chaos [-- --messages 2000 --conversations 200 --kills 10 --instances 2 --rate 30 --no-faults]`: the outbox under
 * failure. Queues messages to many conversations, runs worker processes against a Bot Connector stand-in
 * that enforces Teams' limits and injects 429s, 500/503s and refusals (403: a user who blocked the bot),
 * kills a worker with SIGKILL at random moments, then lets the workers finish. Prints what was lost,
 * what arrived twice (per kill, with the sends in flight at that moment) and the longest time to deliver,
 * and writes the figures to the "Chaos" section of bench/RESULTS.md. With --rate the workers share that
 * app-wide ceiling (SEND_RATE_PER_SECOND) and the run reports the rate they reached together, from the
 * first send to the last (with --no-faults nothing is injected, so no 429 pause counts against it).
 * PostgreSQL when TEST_DATABASE_URL
 * is set (several instances need it), else SQLite. Not part of `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startConnector } from '../test/helpers/connector';
import { createTestDb, testProvider } from '../test/helpers/db';
import { queueMessages, seedConversations } from '../test/delivery/seed';

const ROOT = path.resolve(__dirname, '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

function startWorker(url: string, rate: number): { child: ChildProcess; exited: Promise<number | null> } {
  const env = { ...process.env, DATABASE_URL: url, ...(rate && { SEND_RATE_PER_SECOND: String(rate) }) };
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'test/delivery/worker-process.ts')],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function main() {
  const messages = option('messages', 2000);
  const conversationCount = option('conversations', 200);
  const kills = option('kills', 10);
  const instances = option('instances', 1);
  const rate = option('rate', 0);
  const faults = !process.argv.includes('--no-faults');
  // The test helpers pick their database by CHASER_TEST_PROVIDER, as the jest projects set it.
  if (process.env.TEST_DATABASE_URL) process.env.CHASER_TEST_PROVIDER = 'postgresql';
  const provider = testProvider();
  if (instances > 1 && provider === 'sqlite')
    throw new Error('several instances need PostgreSQL: set TEST_DATABASE_URL');

  const t = await createTestDb();
  const connector = await startConnector({ teamsLimits: true });
  try {
    const convs = await seedConversations(t.db, conversationCount, connector.url);
    await queueMessages(
      t.db,
      Array.from({ length: messages }, (_, i) => convs[i % convs.length]),
    );
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Teams' failures, spread through the run: throttling, its own errors, and two users who blocked the bot.
    if (faults) {
      for (let i = 0; i < 10; i++) connector.inject({ status: 429, retryAfterSeconds: 1 });
      for (let i = 0; i < 20; i++) connector.inject({ status: i % 2 ? 500 : 503 });
      for (const c of [3, 7]) connector.inject({ status: 403, times: 1000, conversationId: `conv-${c}` });
    }

    const started = Date.now();
    const killed: { afterAttempts: number; inFlight: number }[] = [];
    let workers = Array.from({ length: instances }, () => startWorker(t.url, rate));
    for (let k = 0; k < kills; k++) {
      const target = connector.attempts + 20 + Math.floor(random() * 200);
      const deadline = Date.now() + 60_000;
      while (connector.attempts < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      const victim = workers[k % workers.length];
      const inFlight = await t.db.prisma.outboxMessage.count({
        where: { status: 'sending', sentAt: null },
      });
      victim.child.kill('SIGKILL');
      await victim.exited;
      killed.push({ afterAttempts: connector.attempts, inFlight });
      workers = workers.map((w) => (w === victim ? startWorker(t.url, rate) : w));
    }
    await Promise.all(workers.map((w) => w.exited));
    // A last worker picks up what the killed ones held when the others had finished.
    await startWorker(t.url, rate).exited;
    const elapsedMs = Date.now() - started;

    const rows = await t.db.prisma.outboxMessage.findMany({ select: { status: true, sentAt: true } });
    const byStatus: Record<string, number> = {};
    for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const lost = rows.filter((r) => r.status === 'queued' || r.status === 'sending').length;
    const sentAt = rows.flatMap((r) => (r.sentAt ? [r.sentAt.getTime()] : []));
    const longestMs = Math.max(0, ...sentAt.map((at) => at - started));
    const spanS = (Math.max(...sentAt) - Math.min(...sentAt)) / 1000;
    const reached = spanS > 0 ? (sentAt.length - 1) / spanS : 0;
    const summary = {
      provider,
      instances,
      messages,
      conversations: conversationCount,
      kills,
      faults,
      lost,
      duplicates: connector.duplicates,
      inFlightAtKills: killed.map((k) => k.inFlight),
      limitViolations: connector.violations,
      byStatus,
      longestToDeliverS: Math.round(longestMs / 100) / 10,
      ceiling: rate || null,
      ratePerSecond: Math.round(reached * 10) / 10,
      elapsedS: Math.round(elapsedMs / 100) / 10,
    };
    console.log(JSON.stringify(summary, null, 2));
    record(summary);
  } finally {
    await connector.close();
    await t.drop();
  }
}

/** Replaces this configuration's line in the Chaos section of bench/RESULTS.md (kept by `npm run bench`). */
function record(s: Record<string, unknown>) {
  const file = path.join(__dirname, 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const heading = '## Chaos (`npm run chaos`)';
  const header = [
    heading,
    '',
    'Messages queued to many conversations; worker processes killed with SIGKILL at random moments; the stand-in',
    'enforces Teams limits and injects 10 × 429, 20 × 500/503 and 403 for two conversations (not in "no faults"',
    'runs). "Lost": rows',
    'never finished; "duplicates": sends Teams would have received twice (recognised by their client id);',
    '"in flight": rows claimed and unconfirmed when each kill came, the most a kill can repeat.',
    '',
    'With a ceiling (`--rate`), "rate" is what the instances reached together from the first send to the last.',
    '',
    '| database | instances | messages / conversations | kills | lost | duplicates | in flight at each kill | limit violations | sent / gone / failed | longest to deliver | rate | run |',
    '|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|',
  ];
  const key = `| ${s.provider} | ${s.instances} | ${s.messages} / ${s.conversations} | ${s.kills}${s.faults ? '' : ', no faults'} |`;
  const rate = s.ceiling
    ? `${s.ratePerSecond}/s of ${s.ceiling}/s (${Math.round(((s.ratePerSecond as number) / (s.ceiling as number)) * 100)} %)`
    : `${s.ratePerSecond}/s, no ceiling`;
  const b = s.byStatus as Record<string, number>;
  const line = `${key} ${s.lost} | ${s.duplicates} | ${(s.inFlightAtKills as number[]).join(', ')} | ${s.limitViolations} | ${b.sent ?? 0} / ${b.gone ?? 0} / ${b.failed ?? 0} | ${s.longestToDeliverS} s | ${rate} | ${s.elapsedS} s (${new Date().toISOString().slice(0, 10)}) |`;
  const start = text.indexOf(heading);
  const before = start >= 0 ? text.slice(0, start) : `${text.trimEnd()}\n\n`;
  const rest = start >= 0 ? text.slice(start) : '';
  const lines = rest.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| database') && !l.startsWith(key));
  writeFileSync(file, `${before}${[...header, ...lines, line].join('\n')}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
