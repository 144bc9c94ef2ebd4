/**
 * The outbox worker: claims due rows (core/outbox/claim.ts), sends each through the adapter with its
 * stored conversation reference, paced under Teams' limits (core/outbox/pacing.ts), and records the
 * Teams activity id and sentAt — or a retry, a final failure, or a gone conversation.
 *
 * Restarts: a row is claimed ('sending', with a lease) before it is sent and confirmed ('sent') after.
 * A crash before the send leaves a claimed row that is sent when the lease runs out: nothing is lost.
 * A crash after Teams accepted but before the confirmation committed is the one window where a
 * message could go twice; every send therefore carries a client-side id derived from the row id
 * (`channelData.chaserOutboxId`, see outboxClientId), the same on every retry, so a receiver that
 * deduplicates on it (our connector stand-in does, as an idempotent receiver) sees one message, and a
 * duplicate is always detectable. Teams itself does not promise to deduplicate, and offers no way to
 * ask "did you get this?" before resending, so in production the guarantee is: never lost, sent twice
 * only if the process dies in the milliseconds between Teams' answer and our commit (or a send
 * timed out after Teams took it). Outcome writes are compare-and-set on (row, claimer, 'sending'),
 * so an instance that lost its lease never overwrites the new claimer's result, and a row is resent
 * early only if its lease expired — rows are handed back untried before half the lease has passed.
 *
 * CHASER_JOBS=1 runs `start()` (a polling loop); tests with CHASER_JOBS=0 call `drain()` by hand.
 */
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../core/context';
import type { Metrics } from '../core/metrics';
import {
  claimDue,
  countByStatus,
  markFailed,
  markForRetry,
  markSent,
  sendsSince,
  release,
  type ClaimedMessage,
  type Confirmation,
} from '../core/outbox/claim';
import { markConversationGone } from '../core/outbox/gone';
import { ceilingShare, heartbeat, signOff, throttledUntil, throttleUntil } from '../core/outbox/instances';
import { Pacer } from '../core/outbox/pacing';
import { afterFailure, SendFailure } from '../core/outbox/retry';
import { unreachableNotice } from '../cards/unreachable-notice';
import type { JobDeps } from './job';

/** Sends one activity to a stored conversation reference; throws a SendFailure when Teams refuses. */
export type SendActivity = (
  reference: Record<string, unknown>,
  activity: Record<string, unknown>,
) => Promise<{ id?: string }>;

/** The clock pacing waits on: milliseconds on a monotonic scale. Benchmarks and tests may fake it. */
export interface PaceTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: PaceTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WorkerTuning {
  /** Rows per claim. */
  batchSize: number;
  /** Conversations sent to in parallel. */
  concurrency: number;
  /** How long a claim holds a row; a dead instance's rows are resent after this. */
  leaseMs: number;
  /** Pause between polls when nothing was due. */
  idleMs: number;
  /**
   * How often the instance renews its heartbeat and re-reads its share of the ceiling and the shared
   * throttle: an instance that stops renewing counts as dead three beats later.
   */
  heartbeatMs: number;
  /** How often the queue gauges are recounted. */
  refreshMs: number;
}

const CONFIRM_GATHER_MS = 5;

const DEFAULT_TUNING: WorkerTuning = {
  batchSize: 200,
  concurrency: 32,
  leaseMs: 120_000,
  idleMs: 1_000,
  heartbeatMs: 2_000,
  refreshMs: 10_000,
};

export interface OutboxWorkerDeps {
  core: CoreContext;
  instanceId: string;
  log: JobDeps['log'];
  metrics: Metrics;
  send: SendActivity;
  /** The app-wide ceiling (SEND_RATE_PER_SECOND), shared among live instances. */
  ratePerSecond: number;
  /** The longest Retry-After obeyed (default core/outbox/retry.ts DEFAULT_MAX_RETRY_AFTER_MS). */
  maxRetryAfterMs?: number;
  timer?: PaceTimer;
  random?: () => number;
  tuning?: Partial<WorkerTuning>;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  gone: number;
}

export interface OutboxWorker {
  /** Sends everything due now (paced) and returns what happened; serialised with the loop. */
  drain(): Promise<DrainResult>;
  /** Starts the polling loop. */
  start(): void;
  /** Stops the loop after the batch in hand and signs the instance off. */
  close(): Promise<void>;
}

/** The client-side id every send of a row carries, the same on every retry. */
export function outboxClientId(rowId: string): string {
  return `chaser-outbox-${rowId}`;
}

export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { core, instanceId, log } = deps;
  const db = core.db;
  const timer = deps.timer ?? realTimer;
  const random = deps.random ?? Math.random;
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const pacer = new Pacer(deps.ratePerSecond);
  const m = {
    sent: deps.metrics.counter('chaser_outbox_sent_total', 'Outbox messages Teams accepted'),
    retried: deps.metrics.counter('chaser_outbox_retried_total', 'Outbox sends that failed and were rescheduled'),
    failed: deps.metrics.counter(
      'chaser_outbox_failed_total',
      'Outbox messages given up (final error or too many attempts)',
    ),
    gone: deps.metrics.counter(
      'chaser_outbox_gone_total',
      'Outbox messages dropped because the conversation is gone (403/404)',
    ),
    throttled: deps.metrics.counter('chaser_outbox_throttled_total', '429 answers that paused the whole app'),
    messages: deps.metrics.gauge('chaser_outbox_messages', 'Outbox rows by status, across all instances'),
  };
  /**
   * Group commit of confirmations: sends finishing together are recorded in one transaction. A send
   * waits for its commit, so at most one flush (a few milliseconds) of accepted sends is unconfirmed.
   */
  let pending: { c: Confirmation; done: () => void; failed: (e: unknown) => void }[] = [];
  // biome-ignore lint/correctness/noUnusedVariables: read by `??=` below, so one flush is scheduled at a time.
  let flushing: Promise<void> | undefined;
  const flush = async () => {
    while (pending.length) {
      const group = pending;
      pending = [];
      await markSent(
        db,
        instanceId,
        group.map((p) => p.c),
        core.now(),
      ).then(
        () => {
          for (const p of group) p.done();
        },
        (err) => {
          for (const p of group) p.failed(err);
        },
      );
    }
    flushing = undefined;
  };
  const confirm = (c: Confirmation) =>
    new Promise<void>((done, failed) => {
      pending.push({ c, done, failed });
      // A few milliseconds' wait gathers the sends finishing around the same time into one write.
      flushing ??= new Promise((resolve) => setTimeout(resolve, CONFIRM_GATHER_MS)).then(flush);
    });

  /** Conversations that went away during the batch in hand. */
  const goneHere = new Set<string>();
  let pausedUntil = 0; // business-clock ms of the app-wide pause
  /** Conversations in the batch in hand: the work this instance holds, which its share of the ceiling follows. */
  let held = 0;
  let lastBeat = -Infinity;
  let beating: Promise<void> | undefined;
  let lastRefresh = -Infinity;
  let chain: Promise<unknown> = Promise.resolve();

  const beatNow = async () => {
    const t = timer.now();
    lastBeat = t;
    const now = core.now();
    const loads = await heartbeat(db, instanceId, now, new Date(now.getTime() + 3 * tuning.heartbeatMs), held);
    pacer.setAppRate(deps.ratePerSecond * ceilingShare(held, loads));
    pacer.sweep(t);
    pausedUntil = Math.max(pausedUntil, (await throttledUntil(db))?.getTime() ?? 0);
  };
  /** Renews the heartbeat when it is due (or `force`), once at a time however many lanes ask. */
  const beat = async (force: boolean) => {
    if (!force && timer.now() - lastBeat < tuning.heartbeatMs) return;
    beating ??= beatNow().finally(() => {
      beating = undefined;
    });
    await beating;
  };

  const refresh = async (force: boolean) => {
    await beat(force);
    const t = timer.now();
    if (!force && t - lastRefresh < tuning.refreshMs) return;
    lastRefresh = t;
    for (const [status, n] of Object.entries({
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      gone: 0,
      ...(await countByStatus(db)),
    }))
      m.messages.set({ status }, n);
  };

  const onFailure = async (row: ClaimedMessage, failure: SendFailure, result: DrainResult) => {
    const outcome = afterFailure(failure, row.attempts, random(), deps.maxRetryAfterMs);
    const error = `${failure.status ?? failure.code ?? 'error'}: ${failure.message}`.slice(0, 500);
    if (outcome.kind === 'gone') {
      goneHere.add(row.conversationRefId);
      const r = await markConversationGone(
        core,
        row,
        instanceId,
        `${failure.status} ${failure.code ?? ''}`.trim(),
        unreachableNotice,
      );
      result.gone += r.messages;
      m.gone.inc(r.messages);
      log.warn(
        {
          conversation: row.conversation.conversationId,
          status: failure.status,
          stopped: r.messages,
          notices: r.notices,
        },
        'conversation gone',
      );
    } else if (outcome.kind === 'failed') {
      await markFailed(db, row.id, instanceId, error);
      result.failed++;
      m.failed.inc();
      log.error({ outbox: row.id, attempts: row.attempts, error }, 'outbox message failed');
    } else {
      const now = core.now().getTime();
      if (outcome.retryAfterCapped !== undefined) {
        log.warn(
          { outbox: row.id, status: failure.status, askedMs: outcome.retryAfterCapped, waitingMs: outcome.delayMs },
          'Retry-After longer than OUTBOX_MAX_RETRY_AFTER_SECONDS: waiting the ceiling instead',
        );
      }
      if (outcome.appPauseMs !== undefined) {
        pausedUntil = Math.max(pausedUntil, now + outcome.appPauseMs);
        await throttleUntil(db, new Date(pausedUntil));
        m.throttled.inc();
        log.warn({ until: new Date(pausedUntil).toISOString() }, 'Teams throttled the app: pausing all sends');
      }
      await markForRetry(db, row.id, instanceId, new Date(now + outcome.delayMs), error);
      result.retried++;
      m.retried.inc();
    }
  };

  const deliver = async (row: ClaimedMessage, claimedAt: number, result: DrainResult) => {
    if (goneHere.has(row.conversationRefId)) return; // stopped with the conversation
    if (row.conversation.state === 'gone') {
      const r = await markConversationGone(core, row, instanceId, 'conversation already gone', unreachableNotice);
      result.gone += r.messages;
      m.gone.inc(r.messages);
      return;
    }
    let reference: Record<string, unknown>;
    let activity: Record<string, unknown>;
    try {
      reference = JSON.parse(row.conversation.reference);
      // Only final rows lose their payload (core/outbox/prune.ts): a due row without one is a bug to name.
      if (row.activity === null) throw new Error('no activity to send: its payload was cleared before it was sent');
      const parsed = JSON.parse(row.activity);
      activity = { ...parsed, channelData: { ...parsed.channelData, chaserOutboxId: outboxClientId(row.id) } };
    } catch (err) {
      const error = `unreadable row: ${(err as Error).message}`;
      await markFailed(db, row.id, instanceId, error);
      result.failed++;
      m.failed.inc();
      log.error({ outbox: row.id, error }, 'outbox message failed');
      return;
    }
    await beat(false);
    for (
      let wait = pacer.delay(row.conversationRefId, timer.now());
      wait > 0;
      wait = pacer.delay(row.conversationRefId, timer.now())
    )
      await timer.sleep(wait);
    const now = core.now().getTime();
    // Paused by a 429, or held so long the lease could lapse: hand it back untried.
    if (now < pausedUntil || now - claimedAt > tuning.leaseMs / 2) {
      await release(db, row.id, instanceId, new Date(Math.max(now, pausedUntil)));
      return;
    }
    pacer.started(timer.now());
    try {
      const sent = await deps.send(reference, activity);
      pacer.finished(row.conversationRefId, timer.now());
      await confirm({ id: row.id, activityId: sent.id });
      result.sent++;
      m.sent.inc();
    } catch (err) {
      pacer.finished(row.conversationRefId, timer.now());
      await onFailure(row, toFailure(err), result);
    }
  };

  /** Conversations in parallel, each conversation's rows in order and one at a time. */
  const sendBatch = async (rows: ClaimedMessage[], claimedAt: number, result: DrainResult) => {
    const lanes = new Map<string, ClaimedMessage[]>();
    for (const r of rows) lanes.set(r.conversationRefId, [...(lanes.get(r.conversationRefId) ?? []), r]);
    held = lanes.size;
    // The others hear of the work at once, so the ceiling is shared by it from the batch's first send.
    await beat(true);
    const queue = [...lanes.values()];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift())
        for (const row of lane) await deliver(row, claimedAt, result);
    };
    await Promise.all(Array.from({ length: Math.min(tuning.concurrency, queue.length) }, worker));
  };

  /**
   * A worker that starts (after a crash, say) learns the sends of the last hour from the database, so
   * that its first sends to a busy conversation keep within Teams' limits as the last process left them.
   */
  let pacerRemembers = false;
  const rememberSends = async () => {
    const now = core.now();
    const since = new Date(now.getTime() - pacer.conversationMemoryMs);
    const t = timer.now();
    for (const s of await sendsSince(db, since, now))
      pacer.finished(s.conversationId, t - (now.getTime() - s.at.getTime()));
    pacerRemembers = true;
  };

  const drainNow = async (): Promise<DrainResult> => {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, gone: 0 };
    if (!pacerRemembers) await rememberSends();
    await refresh(true);
    for (;;) {
      await refresh(false);
      const now = core.now();
      if (now.getTime() < pausedUntil) break;
      const rows = await claimDue(db, { instanceId, limit: tuning.batchSize, leaseMs: tuning.leaseMs, now });
      if (!rows.length) {
        held = 0;
        break;
      }
      await sendBatch(rows, now.getTime(), result);
      goneHere.clear();
    }
    if (result.sent + result.retried + result.failed + result.gone > 0) {
      await refresh(true);
      log.info(
        {
          ...result,
          totals: { sent: m.sent.value(), retried: m.retried.value(), failed: m.failed.value(), gone: m.gone.value() },
        },
        'outbox drained',
      );
    }
    return result;
  };

  const drain = () => {
    const run = chain.then(drainNow);
    chain = run.catch(() => undefined);
    return run;
  };

  let stopped = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  return {
    drain,
    start() {
      if (loop) return;
      loop = (async () => {
        while (!stopped) {
          let busy = false;
          try {
            const r = await drain();
            busy = r.sent + r.retried + r.failed + r.gone > 0;
          } catch (err) {
            log.error({ err }, 'outbox worker round failed');
          }
          if (stopped) break;
          const paused = pausedUntil - core.now().getTime();
          await idle(busy ? 0 : paused > 0 ? Math.min(paused, 30_000) : tuning.idleMs);
        }
      })();
    },
    async close() {
      stopped = true;
      wake?.();
      await loop;
      await chain;
      await signOff(db, instanceId).catch(() => undefined);
    },
  };
}

function toFailure(err: unknown): SendFailure {
  if (err instanceof SendFailure) return err;
  const e = err as { message?: string; statusCode?: number; code?: string };
  return new SendFailure(
    e?.message ?? String(err),
    typeof e?.statusCode === 'number' ? e.statusCode : undefined,
    undefined,
    e?.code,
  );
}

/** A fresh id for this process, for claims and heartbeats. */
export function newInstanceId(): string {
  return `${process.pid}-${randomUUID().slice(0, 8)}`;
}
