/**
 * `remind [--as-of DATETIME] [--dry-run] [--json]`: runs the reminder sweep as of a moment. With
 * --dry-run nothing is written: it shows who would get a card, in which time zone and at what local
 * time, and which actions (JSON Lines with --json, one object per card).
 */
import type { DailyCard } from '../../../core/reminders/decide';
import { decideReminders } from '../../../core/reminders/decide';
import { runReminders } from '../../../core/reminders/run';
import { dailyCardActivity } from '../../../jobs/reminders';
import { parseArgs, stringOption, type CliCommand } from '../command';

export const remind: CliCommand = {
  name: 'remind',
  usage: 'remind [--as-of DATETIME] [--dry-run] [--json]',
  summary: 'queue due reminder and escalation cards (or show them with --dry-run)',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const asOfText = stringOption(options, 'as-of');
    const asOf = asOfText ? new Date(asOfText) : ctx.core.now();
    if (Number.isNaN(asOf.getTime())) {
      ctx.err(`--as-of must be a date-time such as 2026-11-24T09:00:00Z, got "${asOfText}"`);
      return 2;
    }
    const core = { ...ctx.core, now: () => asOf };
    const opts = { reminderTime: ctx.config.REMINDER_TIME };
    if (options['dry-run']) {
      const { cards } = await decideReminders(core, opts);
      for (const c of cards) ctx.out(options.json ? JSON.stringify(cardJson(c)) : cardLine(c));
      if (!cards.length && !options.json) ctx.out(`no cards due as of ${asOf.toISOString()}`);
      return 0;
    }
    const { queued, lost } = await runReminders(core, { ...opts, render: dailyCardActivity });
    if (options.json) ctx.out(JSON.stringify({ asOf: asOf.toISOString(), queued, alreadyQueued: lost }));
    else ctx.out(`queued ${queued.length} cards${lost.length ? ` (${lost.length} already queued by another run)` : ''}`);
    return 0;
  },
};

function cardJson(c: DailyCard) {
  return {
    card: c.purpose,
    person: { id: c.recipient.id, name: c.recipient.displayName },
    timeZone: c.slot.timeZone,
    localDate: c.slot.localDate,
    localTime: c.slot.localTime,
    sendAt: c.slot.sendAt.toISOString(),
    actions: c.items.map((i) => ({
      ref: i.action.displayRef,
      kind: i.kind,
      since: i.occasion,
      due: i.action.due,
      dueText: i.action.dueText,
      ...(i.owner.id !== c.recipient.id && c.purpose === 'reminder' ? { onBehalfOf: i.owner.displayName } : {}),
    })),
    ...(c.unreachable.length
      ? { unreachableOwners: c.unreachable.map((u) => ({ name: u.person.displayName, knownToTeams: u.knownToTeams, actions: u.items.map((i) => ({ ref: i.action.displayRef, kind: i.kind })) })) }
      : {}),
  };
}

function cardLine(c: DailyCard): string {
  const refs = c.items.map((i) => `${i.action.displayRef} ${i.kind}`).join(', ');
  const unreachable = c.unreachable.length ? `; unreachable: ${c.unreachable.map((u) => u.person.displayName).join(', ')}` : '';
  return `${c.purpose}\t${c.recipient.displayName}\t${c.slot.localDate} ${c.slot.localTime} ${c.slot.timeZone}\t${refs}${unreachable}`;
}
