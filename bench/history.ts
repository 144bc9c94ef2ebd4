/**
 * The reminders years of Chaser would have left: a ReminderLog row for every occasion each owner was
 * reminded of (the keys core/reminders/occasions.ts makes, so the sweep's lookups meet real keys), every
 * escalation to the plan owner, and the sent outbox card (one per recipient per day) that carried them,
 * its payload cleared once past the retention window as the nightly job leaves it.
 *
 * Nothing is logged within the last week: each owed action's latest occasion is still unsent, so the
 * sweep measured is the heaviest one (as after a week's downtime), now over the whole history.
 */
import { DEFAULT_REMINDER_POLICY } from '../core/reminders/policy';
import { escalationKey, reminderKey, type Occasion } from '../core/reminders/occasions';
import { addDays, addWorkingDays } from '../core/time';
import type { Row } from './driver';

/** Days before "today" whose cards still carry their payload (the default OUTBOX_RETENTION_DAYS). */
const RETAINED_DAYS = 90;
/**
 * A sent card as the outbox keeps it within the retention window: ~2.5 KB, a card of one or two
 * reminders (the first sweep's cards, ~10 reminders each, have a median of 7.5 KB).
 */
const CARD_PAYLOAD = JSON.stringify({
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', body: 'x'.repeat(2_400) },
    },
  ],
});

export interface HistoryAction {
  id: string;
  due: string | null;
  /** The day it was completed; nothing is owed after it. */
  doneDay: string | null;
  /** Current holders of its owning posts. */
  ownerIds: readonly string[];
  /** Current holders of its plan's owner post. */
  planOwnerIds: readonly string[];
}

export interface HistoryPerson {
  workingDays: readonly number[];
  /** Whether the bot can reach them (a 1:1 conversation exists): only they were sent cards. */
  conversationRefId: string | null;
}

/** Collects one plan at a time; `cards()` is every card after the last plan. */
export class ReminderHistory {
  /** Each card's number by its key, in the order they were first needed (a row each only when inserted). */
  private readonly cardNumbers = new Map<string, number>();
  private readonly lastLogged: string;
  private readonly retainedFrom: string;

  constructor(
    today: string,
    private readonly people: ReadonlyMap<string, HistoryPerson>,
  ) {
    this.lastLogged = addDays(today, -7);
    this.retainedFrom = addDays(today, -RETAINED_DAYS);
  }

  /** The ReminderLog rows for these actions; their cards are kept for `cards()`. */
  logs(actions: readonly HistoryAction[]): Row[] {
    const policy = DEFAULT_REMINDER_POLICY;
    const rows: Row[] = [];
    for (const a of actions) {
      if (!a.due) continue;
      const until = a.doneDay && a.doneDay < this.lastLogged ? a.doneDay : this.lastLogged;
      for (const ownerId of a.ownerIds) {
        const owner = this.people.get(ownerId)!;
        if (!owner.conversationRefId) continue;
        const occasions: Occasion[] = policy.beforeDueWorkingDays.map((n) => ({
          kind: `due-in-${n}` as const,
          date: addWorkingDays(a.due!, -n, owner.workingDays),
        }));
        if (policy.onDueDate) occasions.push({ kind: 'due-today', date: a.due });
        for (
          let date = addDays(a.due, policy.overdueEveryDays);
          date <= until;
          date = addDays(date, policy.overdueEveryDays)
        )
          occasions.push({ kind: 'overdue', date });
        for (const o of occasions)
          if (o.date <= until)
            rows.push(
              this.log(reminderKey(a.id, o, a.due, ownerId), a.id, o.kind, ownerId, o.date, 'reminder', ownerId),
            );
      }
      const escalated = addDays(a.due, policy.escalateAfterDays + 1);
      if (escalated > until) continue;
      for (const planOwnerId of a.planOwnerIds) {
        if (this.people.get(planOwnerId)!.conversationRefId)
          rows.push(
            this.log(
              escalationKey(a.id, a.due, planOwnerId),
              a.id,
              'escalation',
              planOwnerId,
              escalated,
              'escalation',
              planOwnerId,
            ),
          );
      }
    }
    return rows;
  }

  /** The sent OutboxMessage rows the logs point at, `chunk` at a time. */
  *cards(chunk: number): Generator<Row[]> {
    const rows: Row[] = [];
    for (const [idempotencyKey, n] of this.cardNumbers) {
      const [purpose, recipientId, date] = idempotencyKey.split(':');
      const at = atNine(date);
      rows.push({
        id: `card-${n}`,
        idempotencyKey,
        conversationId: this.people.get(recipientId)!.conversationRefId,
        purpose,
        activity: date >= this.retainedFrom ? CARD_PAYLOAD : null,
        status: 'sent',
        attempts: 1,
        notBefore: at,
        activityId: `sent-${n}`,
        createdAt: at,
        sentAt: at,
      });
      if (rows.length === chunk) yield rows.splice(0);
    }
    if (rows.length) yield rows;
  }

  private log(
    key: string,
    actionId: string,
    kind: string,
    personId: string,
    date: string,
    purpose: 'reminder' | 'escalation',
    recipientId: string,
  ): Row {
    const idempotencyKey = `${purpose}:${recipientId}:${date}`;
    let n = this.cardNumbers.get(idempotencyKey);
    if (n === undefined) this.cardNumbers.set(idempotencyKey, (n = this.cardNumbers.size));
    return { id: `log-${key}`, key, actionId, kind, personId, outboxId: `card-${n}`, createdAt: atNine(date) };
  }
}

const atNine = (date: string) => new Date(`${date}T09:00:00Z`);
