/**
 * The outbox's claim on PostgreSQL, where several instances send (core/outbox/claim.ts says what a claim
 * is): conversations are locked with FOR UPDATE SKIP LOCKED, so two instances never claim the same rows
 * and never wait on each other. A conversation stays with the instance that last sent there while that
 * instance is alive (within the hour Teams' longest window spans), because each instance paces
 * conversations from its own memory of recent sends.
 */
import { expressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB, Store } from './index';

export interface PostgresClaim {
  instanceId: string;
  limit: number;
  now: Date;
  /** The lease's end. */
  until: Date;
  /** Sends after this keep their conversation with their instance. */
  affinitySince: Date;
  /** An instance is alive while AppState's `<workerKeyPrefix><instanceId>` holds a time after now. */
  workerKeyPrefix: string;
}

/** Claims up to `limit` due rows of conversations no other live instance holds; returns their ids. */
export function claimOnPostgres(store: Store, claim: PostgresClaim): Promise<string[]> {
  const { instanceId, limit, now, until, affinitySince, workerKeyPrefix } = claim;
  const eb = expressionBuilder<DB, never>();
  // The instance named in `claimedBy` still heartbeats.
  const alive = (claimedBy: string) =>
    eb.exists(
      store
        .selectFrom('AppState as a')
        .select(sql.lit(1).as('one'))
        .where(sql<SqlBool>`a.key = ${workerKeyPrefix} || ${sql.ref(claimedBy)}`)
        .where('a.value', '>', now.toISOString()),
    );
  // Due: queued and ready, or claimed by an instance whose lease ran out or that is no longer alive.
  const due = eb.or([
    eb.and([eb(sql.ref('o.status'), '=', sql.lit('queued')), eb(sql.ref('o.notBefore'), '<=', now)]),
    eb.and([
      eb(sql.ref('o.status'), '=', sql.lit('sending')),
      eb.or([eb(sql.ref('o.claimedUntil'), '<', now), eb.not(alive('o.claimedBy'))]),
    ]),
  ]);
  // Rows of the conversation still held (or recently sent to) by another live instance.
  const elsewhere = (conversationId: string) =>
    eb.exists(
      store
        .selectFrom('OutboxMessage as h')
        .select(sql.lit(1).as('one'))
        .whereRef('h.conversationId', '=', sql.ref(conversationId))
        .where('h.claimedBy', 'is not', null)
        .where('h.claimedBy', '<>', instanceId)
        .where((h) =>
          h.or([
            h.and([h('h.status', '=', sql.lit('sending')), h('h.claimedUntil', '>=', now)]),
            h('h.sentAt', '>', affinitySince),
          ]),
        )
        .where(alive('h.claimedBy')),
    );

  return store.transaction().execute(async (tx) => {
    // The outer LIMIT applies after SKIP LOCKED: an instance claiming at the same moment as another
    // takes the next conversations instead of finding every candidate locked.
    const locked = await tx
      .selectFrom('ConversationRef as c')
      .select('c.id')
      .where('c.id', 'in', (eb) =>
        eb
          .selectFrom('OutboxMessage as o')
          .select('o.conversationId')
          .where(due)
          .where(eb.not(elsewhere('o.conversationId')))
          .orderBy('o.notBefore')
          .limit(limit * 4),
      )
      .limit(limit)
      .forUpdate('c')
      .skipLocked()
      .execute();
    if (!locked.length) return [];
    // Checked again now the locks are held: a fresh statement sees every claim committed before.
    const taken = await tx
      .selectFrom('ConversationRef as c')
      .select('c.id')
      .where(
        'c.id',
        'in',
        locked.map((l) => l.id),
      )
      .where(elsewhere('c.id'))
      .execute();
    const takenIds = new Set(taken.map((t) => t.id));
    const free = locked.map((l) => l.id).filter((id) => !takenIds.has(id));
    if (!free.length) return [];
    const claimed = await tx
      .updateTable('OutboxMessage')
      .set((eb) => ({
        status: sql.lit('sending'),
        claimedBy: instanceId,
        claimedUntil: until,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('OutboxMessage as o')
          .select('o.id')
          .where('o.conversationId', 'in', free)
          .where(due)
          .orderBy('o.notBefore')
          .orderBy('o.createdAt')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning('id')
      .execute();
    return claimed.map((c) => c.id);
  });
}
