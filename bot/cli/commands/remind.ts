/**
 * `remind [--as-of MOMENT] [--dry-run] [--json]`: runs the reminder sweep as of a moment (a date means
 * REMINDER_TIME that day; times without a zone are the organisation's). With --dry-run nothing is
 * written: it shows who would get a card, in which time zone and at what local time, and which actions
 * (JSON Lines with --json, one object per card). A run that finds no card says why.
 */
import type { DailyCard } from '../../../core/reminders/decide';
import { decideReminders } from '../../../core/reminders/decide';
import { quietReasons, type QuietReasons } from '../../../core/reminders/quiet';
import { runReminders } from '../../../core/reminders/run';
import { wallClockLabel, zonedToUtc } from '../../../core/time';
import { dailyCardActivity } from '../../../jobs/reminders';
import { parseArgs, stringOption, type CliCommand } from '../command';
import { MOMENT_FORMS, parseMoment } from '../moment';

export const remind: CliCommand = {
  name: 'remind',
  usage: 'remind [--as-of MOMENT] [--dry-run] [--json]',
  summary: 'queue due reminder and escalation cards (or show them with --dry-run)',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const zone = ctx.config.DEFAULT_TIME_ZONE;
    const time = ctx.config.REMINDER_TIME;
    const asOfText = stringOption(options, 'as-of');
    const asOf = asOfText ? parseMoment(asOfText, zone, (date) => zonedToUtc(date, time, zone)) : ctx.core.now();
    if (!asOf) {
      ctx.err(`--as-of must look like ${MOMENT_FORMS} (${zone}), got "${asOfText}"`);
      return 2;
    }
    const core = { ...ctx.core, now: () => asOf };
    const opts = { reminderTime: time };
    const when = `${wallClockLabel(asOf, zone)} ${zone}`;
    if (options['dry-run']) {
      const decision = await decideReminders(core, opts);
      for (const c of decision.cards) ctx.out(options.json ? JSON.stringify(cardJson(c)) : cardLine(c));
      if (!decision.cards.length && !options.json) {
        ctx.out(`No cards due as of ${when}.`);
        for (const line of quietLines(await quietReasons(core, decision, opts))) ctx.out(`- ${line}`);
      }
      return 0;
    }
    const { queued, lost } = await runReminders(core, { ...opts, render: dailyCardActivity });
    if (options.json) ctx.out(JSON.stringify({ asOf: asOf.toISOString(), queued, alreadyQueued: lost }));
    else {
      const already = lost.length ? ` (${lost.length} already queued by another run)` : '';
      ctx.out(`Queued ${queued.length} ${queued.length === 1 ? 'card' : 'cards'} as of ${when}${already}.`);
      if (queued.length)
        ctx.out(`The running bot's outbox worker sends them from ${when}, at once if that has passed.`);
    }
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
      ? {
          unreachableOwners: c.unreachable.map((u) => ({
            name: u.person.displayName,
            knownToTeams: u.knownToTeams,
            actions: u.items.map((i) => ({ ref: i.action.displayRef, kind: i.kind })),
          })),
        }
      : {}),
  };
}

function cardLine(c: DailyCard): string {
  const refs = c.items.map((i) => `${i.action.displayRef} ${i.kind}`).join(', ');
  const owners = c.unreachable.map(
    (u) => `${u.person.displayName} (${u.items.map((i) => i.action.displayRef).join(', ')})`,
  );
  const unreachable = owners.length ? `${refs ? '; ' : ''}unreachable owners: ${owners.join(', ')}` : '';
  return `${c.purpose}\t${c.recipient.displayName}\t${c.slot.localDate} ${c.slot.localTime} ${c.slot.timeZone}\t${refs}${unreachable}`;
}

/** One line per reason a run found no card, or the one reason left when there is none of those. */
function quietLines(q: QuietReasons): string[] {
  const names = (list: string[]) =>
    list.length > 4 ? `${list.slice(0, 4).join(', ')} and ${list.length - 4} more` : list.join(', ');
  const owed = (p: { name: string; items: number }) =>
    `${p.name} is owed ${p.items} ${p.items === 1 ? 'reminder' : 'reminders'}`;
  const lines = [
    ...q.dayOff.map((g) => `not a working day for ${names(g.names)}: their next reminders go ${g.next}`),
    ...q.notYet.map((g) => `the reminder time has not come for ${names(g.names)}: it comes ${g.at}`),
    ...q.noChat.map((p) => `${owed(p)} but has no chat with Chaser yet: a card goes once they message the bot`),
    ...q.waiting.map(
      (p) => `${owed(p)} but ${p.reason === 'paused' ? 'paused reminders' : 'is away with no delegate'}`,
    ),
  ];
  return lines.length ? lines : ['nothing is owed that has not been sent already'];
}
