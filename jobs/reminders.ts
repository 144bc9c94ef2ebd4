/**
 * The reminder sweep: each owner's daily card at their local REMINDER_TIME on their working days, and
 * each plan owner's escalation card, queued in the outbox for the worker to send. Recipients known to
 * Teams who never talked to the bot get a 1:1 chat opened first (jobs/open-conversations.ts). A sweep sends to
 * everyone whose time today has passed and who has not had today's card, so a bot that was down at
 * 09:00 catches up when it starts (the scheduler runs every job at start), once.
 */
import type { DailyCard } from '../core/reminders/decide';
import { runReminders } from '../core/reminders/run';
import { queueRiskReviews } from '../core/actions/risk-review';
import { queueVerificationFollowUps } from '../core/actions/verification-follow-up';
import { queueDueUpdateRequests } from '../core/actions/request-update';
import { ownerLoopMessages } from '../cards/owner-loop-messages';
import { riskReviewCard } from '../cards/closure';
import type { ActionView } from '../core/actions/view';
import { cardAttachment, refreshing } from '../cards/card';
import { escalationCard } from '../cards/escalation';
import { reminderCard, reminderOrigin } from '../cards/reminder';
import type { JobDefinition } from './job';
import { reachPeople } from './open-conversations';

export const remindersJob: JobDefinition = {
  name: 'reminders',
  // Every 5 minutes: a card leaves within 5 minutes of the recipient's local time in any time zone
  // (some are offset by :30 or :45); a sweep with nothing owed reads a few queries and writes nothing.
  schedule: '*/5 * * * *',
  async run(deps) {
    const { decision, queued, lost } = await runReminders(deps.core, {
      reminderTime: deps.config.REMINDER_TIME,
      render: dailyCardActivity,
      reach: deps.opener && reachPeople(deps, deps.opener),
    });
    for (const e of decision.policyErrors)
      deps.log.warn({ plan: e.planKey, error: e.error }, 'invalid reminder policy: using the defaults');
    if (decision.undeliverable.length)
      deps.log.warn(
        { people: decision.undeliverable },
        'reminders owed to people nobody can reach (no chat with the bot and no reachable plan owner)',
      );
    if (queued.length || lost.length)
      deps.log.info(
        { queued: queued.length, lost: lost.length, waiting: decision.waiting.length },
        'reminder cards queued',
      );
    const review = (view: ActionView) =>
      message(riskReviewCard(view), `Accepted risk on ${view.displayRef} due for review`);
    const reviews = await queueRiskReviews(deps.core, review);
    if (reviews) deps.log.info({ reviews }, 'risk acceptance reviews queued');
    const at = { reminderTime: deps.config.REMINDER_TIME };
    const followUps = await queueVerificationFollowUps(deps.core, at, ownerLoopMessages.verificationRequest);
    if (followUps) deps.log.info({ followUps }, 'verification follow-ups queued');
    const asked = await queueDueUpdateRequests(deps.core, at, ownerLoopMessages);
    if (asked) deps.log.info({ owners: asked }, 'updates a board asked for are due: owners asked again');
  },
};

/** The message carrying a decided card: the owner's reminder card or the plan owner's escalation card. */
export function dailyCardActivity(card: DailyCard): Record<string, unknown> {
  const count = card.items.length;
  if (card.purpose === 'reminder') {
    const rows = card.items.map((i) => ({
      action: i.action,
      label: i.label,
      onBehalfOf: i.owner.id === card.recipient.id ? null : i.owner.displayName,
    }));
    return message(
      refreshing(
        reminderCard({ recipientName: card.recipient.displayName, rows, page: 0, cardKey: card.idempotencyKey }),
        reminderOrigin(card.idempotencyKey, 0),
        [card.recipient.teamsUserId],
      ),
      `${count} ${count === 1 ? 'action needs' : 'actions need'} your attention`,
    );
  }
  const built = escalationCard({
    rows: card.items.map((i) => ({ action: i.action, label: i.label })),
    unreachable: card.unreachable.map((u) => ({
      name: u.person.displayName,
      knownToTeams: u.knownToTeams,
      actions: u.items.map((i) => ({ displayRef: i.action.displayRef, label: i.label })),
    })),
    page: 0,
    cardKey: card.idempotencyKey,
  });
  return message(
    built,
    count
      ? `${count} overdue ${count === 1 ? 'action' : 'actions'} to escalate`
      : `${card.unreachable.length} owners Chaser cannot reach`,
  );
}

function message(card: ReturnType<typeof reminderCard>, summary: string) {
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
}
