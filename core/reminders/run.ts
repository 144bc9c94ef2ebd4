/**
 * One reminder sweep: decide what is owed now, render each card (the caller's card builders, so core
 * stays free of card JSON) and record it with its outbox message. Safe to run every few minutes, twice,
 * or on two instances at once.
 */
import type { CoreContext } from '../context';
import { decideReminders, type DailyCard, type DecideOptions, type ReminderDecision } from './decide';
import { recordCard } from './record';

export type RenderCard = (card: DailyCard) => Record<string, unknown>;

export interface ReminderRunResult {
  decision: ReminderDecision;
  /** Cards this run queued (idempotency keys). */
  queued: string[];
  /** Cards another run queued first. */
  lost: string[];
}

export async function runReminders(ctx: CoreContext, opts: DecideOptions & { render: RenderCard }): Promise<ReminderRunResult> {
  const decision = await decideReminders(ctx, opts);
  const result: ReminderRunResult = { decision, queued: [], lost: [] };
  for (const card of decision.cards) {
    const recorded = await recordCard(ctx, card, opts.render(card));
    (recorded ? result.queued : result.lost).push(card.idempotencyKey);
  }
  return result;
}
