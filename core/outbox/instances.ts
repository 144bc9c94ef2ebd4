/**
 * What all instances sending from one database must agree on, kept in AppState:
 * - "outbox:throttled-until": after a 429 Teams asks the whole app to slow down, not one message, so
 *   every instance stops sending until then (Company Communicator keeps the same single timestamp).
 * - "outbox-worker:<instance>": a heartbeat with an expiry (an ISO timestamp, which compares correctly
 *   as text), so instances know whose conversations are still looked after;
 * - "outbox-load:<instance>": how many conversations the instance is sending to, so each paces itself
 *   to its share of the app-wide ceiling by the work it holds (conversations stay with the instance that
 *   sent there, so work is rarely split evenly).
 */
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/tx';

export const THROTTLE_KEY = 'outbox:throttled-until';
export const WORKER_KEY_PREFIX = 'outbox-worker:';
export const LOAD_KEY_PREFIX = 'outbox-load:';

export async function throttledUntil(db: Db): Promise<Date | null> {
  const row = await db.prisma.appState.findUnique({ where: { key: THROTTLE_KEY } });
  return row ? new Date(row.value) : null;
}

/** Extends the app-wide pause to `until` (never shortens one another instance set). */
export async function throttleUntil(db: Db, until: Date): Promise<void> {
  const value = until.toISOString();
  await createOnce(db, { key: THROTTLE_KEY, value });
  await db.prisma.appState.updateMany({ where: { key: THROTTLE_KEY, value: { lt: value } }, data: { value } });
}

/**
 * Records that this instance is sending until `expiresAt` to `held` conversations; returns how many
 * conversations each live instance holds, this one included.
 */
export async function heartbeat(
  db: Db,
  instanceId: string,
  now: Date,
  expiresAt: Date,
  held: number,
): Promise<number[]> {
  const p = db.prisma;
  const key = WORKER_KEY_PREFIX + instanceId;
  const value = expiresAt.toISOString();
  const load = { key: LOAD_KEY_PREFIX + instanceId, value: String(held) };
  // Each instance writes only its own keys: no other writer races these upserts.
  await p.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
  await p.appState.upsert({ where: { key: load.key }, create: load, update: { value: load.value } });
  await p.appState.deleteMany({ where: { key: { startsWith: WORKER_KEY_PREFIX }, value: { lt: now.toISOString() } } });
  const live = (
    await p.appState.findMany({ where: { key: { startsWith: WORKER_KEY_PREFIX } }, select: { key: true } })
  ).map((r) => LOAD_KEY_PREFIX + r.key.slice(WORKER_KEY_PREFIX.length));
  await p.appState.deleteMany({ where: { key: { startsWith: LOAD_KEY_PREFIX, notIn: live } } });
  const loads = await p.appState.findMany({ where: { key: { in: live } }, select: { key: true, value: true } });
  const byKey = new Map(loads.map((r) => [r.key, Number(r.value) || 0]));
  return live.map((k) => byKey.get(k) ?? 0);
}

/**
 * This instance's share of the app-wide ceiling: the conversations it holds among all that live instances
 * hold (half a conversation each added, so an idle instance keeps a trickle to start new work with and the
 * shares still sum to one); even shares when nobody holds any.
 */
export function ceilingShare(mine: number, held: readonly number[]): number {
  const total = held.reduce((sum, n) => sum + n, 0);
  const n = Math.max(1, held.length);
  return total === 0 ? 1 / n : (mine + 0.5) / (total + 0.5 * n);
}

/**
 * Creates the row unless it exists. Two instances creating the same key at one moment (both throttled by
 * the same 429) is a unique violation for the second, which an upsert does not absorb.
 */
async function createOnce(db: Db, row: { key: string; value: string }): Promise<void> {
  if (await db.prisma.appState.findUnique({ where: { key: row.key }, select: { key: true } })) return;
  try {
    await db.prisma.appState.create({ data: row });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
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
  await db.prisma.appState.deleteMany({
    where: { key: { in: [WORKER_KEY_PREFIX + instanceId, LOAD_KEY_PREFIX + instanceId] } },
  });
}
