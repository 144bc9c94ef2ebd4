/**
 * Retention for sent outbox payloads: final rows past OUTBOX_RETENTION_DAYS lose their activity JSON and
 * keep everything else (their key still stops a second send); rows still to be sent are never touched.
 */
import { loadConfig } from '../../../core/config';
import { openDb } from '../../../core/db/client';
import { claimDue } from '../../../core/outbox/claim';
import { enqueue } from '../../../core/outbox/enqueue';
import { pruneSentPayloads } from '../../../core/outbox/prune';
import { JOBS } from '../../../jobs';
import type { JobDeps } from '../../../jobs/job';
import { testClock } from '../../helpers/clock';
import { createTestDb, type TestDatabase } from '../../helpers/db';

const DAY = 86_400_000;
const clock = testClock('2026-11-25T03:13:00Z');
const ctx = () => ({ db: t.db, now: clock.now });
const daysAgo = (days: number) => new Date(clock.now().getTime() - days * DAY);

let t: TestDatabase;
let conversationId: string;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.prisma.outboxMessage.deleteMany();
  await t.db.prisma.conversationRef.deleteMany();
  conversationId = (
    await t.db.prisma.conversationRef.create({
      data: { conversationId: 'a:alex', scope: 'personal', serviceUrl: 'http://x', reference: '{}' },
    })
  ).id;
});

/** An outbox row as the worker leaves it: sent ones have sentAt, failed and gone ones only createdAt. */
function message(
  key: string,
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'gone',
  at: { created: number; sent?: number },
) {
  return t.db.prisma.outboxMessage.create({
    data: {
      idempotencyKey: key,
      conversationId,
      purpose: 'reminder',
      activity: JSON.stringify({ type: 'message', text: key }),
      status,
      createdAt: daysAgo(at.created),
      sentAt: at.sent === undefined ? null : daysAgo(at.sent),
      activityId: status === 'sent' ? `teams-${key}` : null,
    },
  });
}

const payloads = async () =>
  Object.fromEntries(
    (await t.db.prisma.outboxMessage.findMany({ orderBy: { idempotencyKey: 'asc' } })).map((r) => [
      r.idempotencyKey,
      r.activity !== null,
    ]),
  );

describe('pruneSentPayloads', () => {
  it('clears the payloads of sent, failed and gone rows past the window, and nothing else', async () => {
    await message('sent-old', 'sent', { created: 91, sent: 91 });
    await message('sent-at-the-edge', 'sent', { created: 90, sent: 90 });
    await message('sent-late', 'sent', { created: 120, sent: 89 }); // queued long ago, sent recently: by sentAt
    await message('failed-old', 'failed', { created: 91 });
    await message('failed-recent', 'failed', { created: 10 });
    await message('gone-old', 'gone', { created: 200 });
    await message('queued-old', 'queued', { created: 200 });
    await message('sending-old', 'sending', { created: 200 });

    expect(await pruneSentPayloads(ctx(), { retentionDays: 90 })).toBe(3);

    expect(await payloads()).toEqual({
      'failed-old': false,
      'failed-recent': true,
      'gone-old': false,
      'queued-old': true,
      'sending-old': true,
      'sent-at-the-edge': true,
      'sent-late': true,
      'sent-old': false,
    });
    // Only the payload goes: the row, its key, status and Teams id stay.
    expect(await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'sent-old' } })).toMatchObject({
      status: 'sent',
      activityId: 'teams-sent-old',
      sentAt: daysAgo(91),
      activity: null,
    });
  });

  it('keeps every payload with a retention of 0 days', async () => {
    await message('sent-ancient', 'sent', { created: 3650, sent: 3650 });
    expect(await pruneSentPayloads(ctx(), { retentionDays: 0 })).toBe(0);
    expect(await payloads()).toEqual({ 'sent-ancient': true });
  });

  it("leaves a cleared row's key blocking the same message from being queued or sent again", async () => {
    const sent = await message('reminder:alex:2026-08-01', 'sent', { created: 116, sent: 116 });
    await pruneSentPayloads(ctx(), { retentionDays: 90 });

    const again = await enqueue(t.db.prisma, {
      idempotencyKey: sent.idempotencyKey,
      conversationRefId: conversationId,
      purpose: 'reminder',
      activity: { type: 'message', text: 'decided again' },
    });
    expect(again).toMatchObject({ id: sent.id, status: 'sent', activity: null });
    expect(await t.db.prisma.outboxMessage.count()).toBe(1);
    expect(await claimDue(t.db, { instanceId: 'test', limit: 10, leaseMs: 60_000, now: clock.now() })).toEqual([]);
  });

  it('works through more rows than one batch, and a second run finds nothing left', async () => {
    for (let i = 0; i < 7; i++) await message(`old-${i}`, 'sent', { created: 100, sent: 100 });
    await message('new', 'sent', { created: 1, sent: 1 });
    expect(await pruneSentPayloads(ctx(), { retentionDays: 90, batchSize: 3 })).toBe(7);
    expect(Object.values(await payloads()).filter(Boolean)).toHaveLength(1);
    expect(await pruneSentPayloads(ctx(), { retentionDays: 90, batchSize: 3 })).toBe(0);
  });

  it('clears each row once when two instances prune at the same time', async () => {
    for (let i = 0; i < 9; i++) await message(`old-${i}`, 'sent', { created: 100, sent: 100 });
    // As in the digest sweep test: a second connection pool on PostgreSQL, the same client on SQLite.
    const other = t.db.provider === 'postgresql' ? await openDb(t.url) : t.db;
    try {
      const counts = await Promise.all([
        pruneSentPayloads(ctx(), { retentionDays: 90, batchSize: 2 }),
        pruneSentPayloads({ db: other, now: clock.now }, { retentionDays: 90, batchSize: 2 }),
      ]);
      expect(counts[0] + counts[1]).toBe(9);
    } finally {
      if (other !== t.db) await other.close();
    }
    expect(Object.values(await payloads()).some(Boolean)).toBe(false);
  });
});

describe('the outbox-retention job', () => {
  it('runs nightly with OUTBOX_RETENTION_DAYS, and logs how many payloads it cleared', async () => {
    const job = JOBS.find((j) => j.name === 'outbox-retention')!;
    expect(job.schedule).toBe('13 3 * * *');
    await message('sent-31-days-ago', 'sent', { created: 31, sent: 31 });
    await message('sent-29-days-ago', 'sent', { created: 29, sent: 29 });
    const info = jest.fn();
    const deps = {
      core: ctx(),
      config: loadConfig({ OUTBOX_RETENTION_DAYS: '30' }),
      log: { info },
    } as unknown as JobDeps;

    await job.run(deps);

    expect(await payloads()).toEqual({ 'sent-29-days-ago': true, 'sent-31-days-ago': false });
    expect(info).toHaveBeenCalledWith({ cleared: 1, retentionDays: 30 }, 'outbox payloads past retention cleared');
  });
});
