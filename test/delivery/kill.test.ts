/**
 * kill -9 of the worker process at random moments, 20 times, then a run to the end: every outbox row
 * is delivered, exactly one message per row reaches the stand-in, and each row records the id Teams
 * gave that message. A re-send after a kill (the row was sent but its confirmation died with the
 * process) carries the same client-side id, so the stand-in recognises it; how many there were is
 * printed, not hidden.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { outboxClientId } from '../../jobs/outbox-worker';
import { startConnector } from '../helpers/connector';
import { createTestDb } from '../helpers/db';
import { queueMessages, seedConversations } from './seed';

const ROOT = path.resolve(__dirname, '../..');
const MESSAGES = 400;
const KILLS = 20;

function startWorker(url: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'worker-process.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

it(`loses and duplicates nothing when the worker is killed -9 ${KILLS} times`, async () => {
  const t = await createTestDb();
  const connector = await startConnector({ teamsLimits: true });
  try {
    const convs = await seedConversations(t.db, 40, connector.url);
    await queueMessages(
      t.db,
      Array.from({ length: MESSAGES }, (_, i) => convs[i % convs.length]),
    );
    let seed = 7; // a fixed seed, so a failing run replays
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const killedAt: number[] = [];
    for (let run = 0; run < KILLS; run++) {
      const { child, exited } = startWorker(t.url);
      // Kill after a random number of further sends (0-15), i.e. mostly mid-flight.
      const target = connector.attempts + Math.floor(random() * 16);
      const deadline = Date.now() + 20_000;
      while (connector.attempts < target && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 1));
      child.kill('SIGKILL');
      await exited;
      killedAt.push(connector.attempts);
    }
    const last = startWorker(t.url);
    expect(await last.exited).toBe(0);

    const rows = await t.db.prisma.outboxMessage.findMany({ select: { id: true, status: true, activityId: true } });
    const byClientId = new Map(connector.sends().map((s) => [s.activity.channelData.chaserOutboxId, s.activityId]));
    expect(connector.sends()).toHaveLength(MESSAGES);
    expect(byClientId.size).toBe(MESSAGES);
    for (const r of rows) {
      expect(r.status).toBe('sent');
      expect(r.activityId).toBe(byClientId.get(outboxClientId(r.id)));
    }
    expect(connector.violations).toBe(0);
    console.log(
      `kill -9 x${KILLS} after ${killedAt.join(', ')} sends: ${connector.attempts} attempts for ${MESSAGES} messages, ${connector.duplicates} re-sends recognised by client id`,
    );
  } finally {
    await connector.close();
    await t.drop();
  }
}, 180_000);
