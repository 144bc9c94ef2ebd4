/**
 * One reminder sweep: decide what is owed now, open chats with recipients the bot cannot reach yet
 * (when the caller can), render each card (the caller's card builders, so core stays free of card
 * JSON) and record it with its outbox message. Safe to run every few minutes, twice, or on two
 * instances at once.
 */
import type { CoreContext } from '../context';
import { decideReminders, type DailyCard, type DecideOptions, type ReminderDecision } from './decide';
import { recordCard } from './record';

export type RenderCard = (card: DailyCard) => Record<string, unknown>;

/**
 * Tries to open 1:1 chats with these people (in order); `opened` counts successes, `later` lists those
 * it did not get to this time, whose reminders wait for the next sweep instead of being reported.
 */
export type ReachPeople = (personIds: string[]) => Promise<{ opened: number; later: string[] }>;

export interface ReminderRunResult {
  decision: ReminderDecision;
  /** Cards this run queued (idempotency keys). */
  queued: string[];
  /** Cards another run queued first. */
  lost: string[];
}

export async function runReminders(
  ctx: CoreContext,
  opts: DecideOptions & { render: RenderCard; reach?: ReachPeople },
): Promise<ReminderRunResult> {
  let decision = await decideReminders(ctx, opts);
  const wanted = unreachableRecipients(decision);
  // Before recording: a reminder reported as unreachable is logged as done, so it must not be
  // reported while a chat could still be opened for it.
  if (opts.reach && wanted.length) {
    const { opened, later } = await opts.reach(wanted);
    if (opened) decision = await decideReminders(ctx, opts);
    decision = holdBack(decision, new Set(later));
  }
  const result: ReminderRunResult = { decision, queued: [], lost: [] };
  for (const card of decision.cards) {
    const recorded = await recordCard(ctx, card, opts.render(card));
    (recorded ? result.queued : result.lost).push(card.idempotencyKey);
  }
  return result;
}

/** Everyone owed a card today whom the bot has no chat with: reported owners and undeliverable recipients. */
export function unreachableRecipients(decision: ReminderDecision): string[] {
  return [
    ...new Set([
      ...decision.cards.flatMap((c) => c.unreachable.map((u) => u.person.id)),
      ...decision.undeliverable.map((u) => u.personId),
    ]),
  ];
}

/** The decision without reports about these people: their reminders stay owed for a later sweep. */
export function holdBack(decision: ReminderDecision, personIds: ReadonlySet<string>): ReminderDecision {
  if (!personIds.size) return decision;
  const cards = decision.cards
    .map((c) => ({ ...c, unreachable: c.unreachable.filter((u) => !personIds.has(u.person.id)) }))
    .filter((c) => c.items.length || c.unreachable.length);
  return { ...decision, cards, undeliverable: decision.undeliverable.filter((u) => !personIds.has(u.personId)) };
}
