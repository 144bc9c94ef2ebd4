/**
 * The outbox worker against the connector stand-in: sends with the stored reference and records the
 * Teams id; retries 429 (pausing the whole app, never longer than the configured ceiling), 412/5xx and
 * timeouts (500 only a few times); treats 403/404 as final, with one notice to the plan owner and admins;
 * fails other errors without retrying.
 */
import { loadConfig } from '../../core/config';
import { createMetrics } from '../../core/metrics';
import { enqueue } from '../../core/outbox/enqueue';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { THROTTLE_KEY } from '../../core/outbox/instances';
import { MAX_ATTEMPTS, SERVER_ERROR_ATTEMPTS } from '../../core/outbox/retry';
import { createOutboxSender } from '../../bot/outbox-send';
import { createOutboxWorker, outboxClientId, type OutboxWorker } from '../../jobs/outbox-worker';
import { testClock, type TestClock } from '../helpers/clock';
import { startConnector, type ConnectorStandIn } from '../helpers/connector';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { referenceFor } from './seed';

const silent = { info: () => undefined, warn: () => undefined, error: jest.fn() };

let t: TestDatabase;
let connector: ConnectorStandIn;
let clock: TestClock;
let worker: OutboxWorker;
let metrics: ReturnType<typeof createMetrics>;

const send = createOutboxSender(loadConfig({}), {}, 1000);

beforeAll(async () => {
  t = await createTestDb();
  // The first send loads the SDK's HTTP pipeline; keep that out of the timed sends.
  connector = await startConnector();
  await send(referenceFor('warm-up', connector.url), { type: 'message', text: 'warm-up' });
  await connector.close();
});
afterAll(() => t.drop());

beforeEach(async () => {
  const p = t.db.prisma;
  await p.outboxMessage.deleteMany();
  await p.conversationRef.deleteMany();
  await p.appState.deleteMany();
  await p.plan.deleteMany();
  await p.postHolding.deleteMany();
  await p.person.deleteMany();
  await p.post.deleteMany();
  connector = await startConnector({ teamsLimits: true });
  clock = testClock('2026-03-02T09:00:00Z');
  metrics = createMetrics();
  const core = {
    db: t.db,
    now: clock.now,
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: ['aad-admin'],
  };
  worker = createOutboxWorker({
    core,
    instanceId: 'test-worker',
    log: silent,
    metrics,
    send,
    ratePerSecond: 100,
    random: () => 0.5,
  });
});
afterEach(async () => {
  await worker.close();
  await connector.close();
});

async function conversation(conversationId: string, personId?: string) {
  return t.db.prisma.conversationRef.create({
    data: {
      conversationId,
      scope: 'personal',
      personId,
      serviceUrl: connector.url,
      reference: JSON.stringify(referenceFor(conversationId, connector.url)),
    },
  });
}

async function queue(key: string, conversationRefId: string, text = key) {
  return enqueue(t.db.prisma, {
    idempotencyKey: key,
    conversationRefId,
    purpose: 'reminder',
    activity: { type: 'message', text },
  });
}

const row = (id: string) => t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

describe('outbox worker', () => {
  it('sends with the stored reference, records the Teams id and sentAt, and sends a re-decided message once', async () => {
    const conv = await conversation('a:alex');
    const msg = await queue('reminder:alex:2026-03-02', conv.id, 'Your action is due');
    await queue('reminder:alex:2026-03-02', conv.id, 'decided again');

    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0, gone: 0 });

    const [sent] = connector.sends();
    expect(connector.sends()).toHaveLength(1);
    expect(sent).toMatchObject({
      conversationId: 'a:alex',
      activity: { text: 'Your action is due', channelData: { chaserOutboxId: outboxClientId(msg.id) } },
    });
    expect(await row(msg.id)).toMatchObject({
      status: 'sent',
      activityId: sent.activityId,
      sentAt: clock.now(),
      attempts: 1,
    });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0, gone: 0 });
    expect(metrics.render()).toContain('chaser_outbox_sent_total 1');
  });

  it('paces a conversation by the sends a process before it made there, as Teams counts them', async () => {
    const conv = await conversation('a:alex');
    // Teams allows 7 sends a second to a conversation; a crashed worker made 7 there 300 ms ago.
    for (let i = 0; i < 7; i++) {
      const earlier = await queue(`earlier-${i}`, conv.id);
      await t.db.prisma.outboxMessage.update({
        where: { id: earlier.id },
        data: { status: 'sent', sentAt: new Date(clock.now().getTime() - 300), attempts: 1 },
      });
    }
    await queue('next', conv.id);
    const started = Date.now();
    expect((await worker.drain()).sent).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
  });

  it("resends at once what a dead instance had claimed, and leaves a live instance's claims alone", async () => {
    const conv = await conversation('a:alex');
    const orphan = await queue('orphan', conv.id);
    const held = await queue('held', (await conversation('a:megan')).id);
    const leased = new Date('2026-03-02T09:02:00Z');
    // Both claimed a moment ago, leases running for two more minutes; only "live-2" still heartbeats.
    await t.db.prisma.outboxMessage.update({
      where: { id: orphan.id },
      data: { status: 'sending', claimedBy: 'killed-1', claimedUntil: leased, attempts: 1 },
    });
    await t.db.prisma.outboxMessage.update({
      where: { id: held.id },
      data: { status: 'sending', claimedBy: 'live-2', claimedUntil: leased, attempts: 1 },
    });
    await t.db.prisma.appState.create({ data: { key: 'outbox-worker:live-2', value: '2026-03-02T09:00:30.000Z' } });

    expect((await worker.drain()).sent).toBe(1);
    expect(await row(orphan.id)).toMatchObject({ status: 'sent', attempts: 2, claimedBy: 'test-worker' });
    expect(await row(held.id)).toMatchObject({ status: 'sending', claimedBy: 'live-2' });
    // Once live-2's heartbeat runs out, its claim is resent too, well before its lease.
    clock.advance(31_000);
    expect((await worker.drain()).sent).toBe(1);
    expect(await row(held.id)).toMatchObject({ status: 'sent', claimedBy: 'test-worker' });
  });

  it('holds a message until its notBefore', async () => {
    const conv = await conversation('a:alex');
    const later = await enqueue(t.db.prisma, {
      idempotencyKey: 'later',
      conversationRefId: conv.id,
      purpose: 'digest',
      activity: { type: 'message', text: 'x' },
      notBefore: new Date('2026-03-02T10:00:00Z'),
    });
    expect((await worker.drain()).sent).toBe(0);
    clock.set('2026-03-02T10:00:00Z');
    expect((await worker.drain()).sent).toBe(1);
    expect((await row(later.id)).status).toBe('sent');
  });

  it('on 429 pauses every send in the app for the Retry-After period, then sends', async () => {
    const a = await conversation('a:alex');
    const first = await queue('one', a.id);
    const second = await queue('two', a.id);
    connector.inject({ status: 429, retryAfterSeconds: 30 });

    const r = await worker.drain();
    expect(r).toMatchObject({ sent: 0, retried: 1 });
    const state = await t.db.prisma.appState.findUniqueOrThrow({ where: { key: THROTTLE_KEY } });
    expect(new Date(state.value)).toEqual(new Date('2026-03-02T09:00:30Z'));
    expect(connector.attempts).toBe(1); // the next message was handed back untried
    expect(await row(second.id)).toMatchObject({ status: 'queued', attempts: 0 });
    const retried = await row(first.id);
    expect(retried).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('429') });
    expect(retried.notBefore.getTime()).toBeGreaterThanOrEqual(new Date('2026-03-02T09:00:30Z').getTime());

    // The pause is app-wide: another conversation waits too.
    await queue('three', (await conversation('a:megan')).id);
    clock.advance(29_000);
    expect((await worker.drain()).sent).toBe(0);
    expect(connector.attempts).toBe(1);
    clock.advance(3_000);
    expect((await worker.drain()).sent).toBe(3);
    expect(metrics.render()).toMatch(/chaser_outbox_throttled_total 1\n/);
  });

  it('cuts a Retry-After longer than the ceiling to the ceiling, and logs what was asked', async () => {
    await worker.close();
    const warn = jest.fn();
    worker = createOutboxWorker({
      core: { db: t.db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] },
      instanceId: 'test-worker',
      log: { ...silent, warn },
      metrics,
      send,
      ratePerSecond: 100,
      random: () => 0,
      maxRetryAfterMs: 300_000,
    });
    const msg = await queue('one', (await conversation('a:alex')).id);
    connector.inject({ status: 429, retryAfterSeconds: 100_000 });

    expect(await worker.drain()).toMatchObject({ retried: 1 });
    const state = await t.db.prisma.appState.findUniqueOrThrow({ where: { key: THROTTLE_KEY } });
    expect(new Date(state.value)).toEqual(new Date('2026-03-02T09:05:00Z'));
    expect((await row(msg.id)).notBefore).toEqual(new Date('2026-03-02T09:05:00Z'));
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ askedMs: 100_000_000, waitingMs: 300_000 }),
      expect.stringContaining('Retry-After longer than OUTBOX_MAX_RETRY_AFTER_SECONDS'),
    );
    clock.advance(300_000);
    expect((await worker.drain()).sent).toBe(1);
  });

  it(`retries a 500 from Teams up to ${SERVER_ERROR_ATTEMPTS} attempts with backoff, then fails the message`, async () => {
    const conv = await conversation('a:alex');
    const passing = await queue('passing', conv.id);
    connector.inject({ status: 500, times: SERVER_ERROR_ATTEMPTS - 1 });
    for (let i = 1; i < SERVER_ERROR_ATTEMPTS; i++) {
      expect((await worker.drain()).retried).toBe(1);
      clock.advance(3_600_000);
    }
    expect((await worker.drain()).sent).toBe(1);
    expect(await row(passing.id)).toMatchObject({ status: 'sent', attempts: SERVER_ERROR_ATTEMPTS });

    const broken = await queue('broken', conv.id);
    connector.inject({ status: 500, times: SERVER_ERROR_ATTEMPTS });
    for (let i = 0; i < SERVER_ERROR_ATTEMPTS; i++) {
      await worker.drain();
      clock.advance(3_600_000);
    }
    expect(await row(broken.id)).toMatchObject({ status: 'failed', attempts: SERVER_ERROR_ATTEMPTS });
  });

  it.each([412, 502, 503, 504])('retries %i with exponential backoff', async (status) => {
    const conv = await conversation('a:alex');
    const msg = await queue('m', conv.id);
    connector.inject({ status, times: 2 });

    expect((await worker.drain()).retried).toBe(1);
    const firstDelay = (await row(msg.id)).notBefore.getTime() - clock.now().getTime();
    clock.advance(firstDelay);
    expect((await worker.drain()).retried).toBe(1);
    const secondDelay = (await row(msg.id)).notBefore.getTime() - clock.now().getTime();
    expect(secondDelay).toBe(2 * firstDelay);
    clock.advance(secondDelay);
    expect((await worker.drain()).sent).toBe(1);
    expect(await row(msg.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(connector.sends()).toHaveLength(1);
  });

  it('retries a send that never gets an answer', async () => {
    const conv = await conversation('a:alex');
    const msg = await queue('m', conv.id);
    connector.inject({ hang: true });
    expect((await worker.drain()).retried).toBe(1);
    expect((await row(msg.id)).lastError).toMatch(/no answer within 1000 ms/);
    clock.advance(60_000);
    expect((await worker.drain()).sent).toBe(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and at once on an error that retrying cannot fix`, async () => {
    const conv = await conversation('a:alex');
    const flaky = await queue('flaky', conv.id);
    connector.inject({ status: 503, times: MAX_ATTEMPTS, conversationId: 'a:alex' });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await worker.drain();
      clock.advance(3_600_000);
    }
    expect(await row(flaky.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });

    const bad = await queue('bad', conv.id);
    connector.inject({ status: 400 });
    expect(await worker.drain()).toMatchObject({ failed: 1, retried: 0 });
    expect(await row(bad.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('fails, and never sends, a due message that has lost its payload', async () => {
    const conv = await conversation('a:alex');
    const msg = await queue('m', conv.id);
    // Retention only clears final rows (core/outbox/prune.ts): this is the bug it must not turn into an empty send.
    await t.db.prisma.outboxMessage.update({ where: { id: msg.id }, data: { activity: null } });
    expect(await worker.drain()).toMatchObject({ sent: 0, failed: 1 });
    expect(connector.attempts).toBe(0);
    const error = 'unreadable row: no activity to send: its payload was cleared before it was sent';
    expect(await row(msg.id)).toMatchObject({ status: 'failed', lastError: error });
    expect(silent.error).toHaveBeenCalledWith({ outbox: msg.id, error }, 'outbox message failed');
  });

  it.each([
    [403, 'MessageWritesBlocked'],
    [404, 'ConversationNotFound'],
  ])('on %i stops sending there and tells the plan owner and admins once', async (status, code) => {
    await seedPlan(t.db, { key: 'P1', owner: 'Chief Constable', actions: [{ ref: '1', owners: ['Head of Crime'] }] });
    const owner = await seedPerson(t.db, { displayName: 'Dana Owner', posts: ['Head of Crime'] });
    const planOwner = await seedPerson(t.db, { displayName: 'Pat Plan', posts: ['Chief Constable'] });
    const admin = await seedPerson(t.db, { displayName: 'Ada Admin', aadObjectId: 'aad-admin' });
    const bystander = await seedPerson(t.db, { displayName: 'Bo Bystander' });
    const gone = await conversation('a:dana', owner.id);
    for (const p of [planOwner, admin, bystander]) await conversation(`a:${p.displayName}`, p.id);
    const m1 = await queue('m1', gone.id);
    const m2 = await queue('m2', gone.id);
    connector.inject({ status, code, conversationId: 'a:dana' });

    expect(await worker.drain()).toMatchObject({ gone: 2, retried: 0 });
    expect(await t.db.prisma.conversationRef.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({
      state: 'gone',
      goneReason: `${status} ${code}`,
    });
    expect((await row(m1.id)).status).toBe('gone');
    expect((await row(m2.id)).status).toBe('gone');
    expect(connector.attempts).toBe(3); // the 403, then the two notices in the same drain

    // Later messages there are dropped without a call to Teams and without another notice.
    await queue('m3', gone.id);
    expect(await worker.drain()).toMatchObject({ gone: 1, sent: 0 });
    expect(connector.sends('a:dana')).toHaveLength(0);
    expect(connector.attempts).toBe(3);

    const notices = connector.sends();
    expect(notices.map((n) => n.conversationId).sort()).toEqual(['a:Ada Admin', 'a:Pat Plan']);
    expect(notices[0].activity.text).toContain('Chaser can no longer reach **Dana Owner**');
    expect(await t.db.prisma.outboxMessage.count({ where: { purpose: 'notice' } })).toBe(2);
    expect(metrics.render()).toContain('chaser_outbox_gone_total 3');
  });
});
