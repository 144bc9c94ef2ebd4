/**
 * What all instances sending from one database must agree on, kept in AppState:
 * - "outbox:throttled-until": after a 429 Teams asks the whole app to slow down, not one message, so
 *   every instance stops sending until then (Company Communicator keeps the same single timestamp).
 * - "outbox-worker:<instance>": a heartbeat with an expiry, so each instance paces itself to its share
 *   of the app-wide ceiling and knows whose conversations are still looked after.
 * Values are ISO timestamps, which compare correctly as text.
 */
import type { Db } from '../db/client';

export const THROTTLE_KEY = 'outbox:throttled-until';
export const WORKER_KEY_PREFIX = 'outbox-worker:';

export async function throttledUntil(db: Db): Promise<Date | null> {
  const row = await db.prisma.appState.findUnique({ where: { key: THROTTLE_KEY } });
  return row ? new Date(row.value) : null;
}

/** Extends the app-wide pause to `until` (never shortens one another instance set). */
export async function throttleUntil(db: Db, until: Date): Promise<void> {
  const value = until.toISOString();
  await db.prisma.appState.upsert({ where: { key: THROTTLE_KEY }, create: { key: THROTTLE_KEY, value }, update: {} });
  await db.prisma.appState.updateMany({ where: { key: THROTTLE_KEY, value: { lt: value } }, data: { value } });
}

/** Records that this instance is sending until `expiresAt` and returns how many instances are. */
export async function heartbeat(db: Db, instanceId: string, now: Date, expiresAt: Date): Promise<number> {
  const key = WORKER_KEY_PREFIX + instanceId;
  const value = expiresAt.toISOString();
  await db.prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
  await db.prisma.appState.deleteMany({
    where: { key: { startsWith: WORKER_KEY_PREFIX }, value: { lt: now.toISOString() } },
  });
  return db.prisma.appState.count({ where: { key: { startsWith: WORKER_KEY_PREFIX } } });
}

/** The instances whose heartbeat has not run out at `now`. */
export async function liveInstances(db: Db, now: Date): Promise<string[]> {
  const rows = await db.prisma.appState.findMany({
    where: { key: { startsWith: WORKER_KEY_PREFIX }, value: { gt: now.toISOString() } },
    select: { key: true },
  });
  return rows.map((r) => r.key.slice(WORKER_KEY_PREFIX.length));
}

/** A clean stop: the instance's share of the ceiling and its conversations go to the others at once. */
export async function signOff(db: Db, instanceId: string): Promise<void> {
  await db.prisma.appState.deleteMany({ where: { key: WORKER_KEY_PREFIX + instanceId } });
}
