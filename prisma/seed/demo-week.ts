/**
 * The demo's last few days, written through the same core rules as a click in Teams, so a newcomer's
 * first "what changed this week?", reminder and digest show real work: progress notes, a completion
 * the plan owner verified, one waiting for verification, an owner's own update on a due-soon action.
 */
import type { CoreContext } from '../../core/context';
import type { OwnerLoopMessages } from '../../core/actions/owner-messages';
import { submitUpdate } from '../../core/actions/update';
import { decideVerification } from '../../core/actions/verify';
import { addDays, localDate, zonedToUtc } from '../../core/time';

interface DemoEvent {
  /** Days before today and the local time it happened; or minutes before the demo starts. */
  daysAgo: number;
  time: string | 'just now';
  ref: string;
  /** Who acts: the plan owner, or whoever holds the action's first post. */
  by: 'plan owner' | 'owner';
  act: { status: 'GREEN' | 'AMBER' | 'RED' | 'complete'; note: string } | { decision: 'verify' };
}

const WEEK: DemoEvent[] = [
  {
    daysAgo: 4,
    time: '10:15',
    ref: '11',
    by: 'owner',
    act: {
      status: 'complete',
      note: 'Single CCTV service level agreement signed with every train operating company and CCTV provider.',
    },
  },
  {
    daysAgo: 3,
    time: '11:40',
    ref: '7',
    by: 'owner',
    act: { status: 'AMBER', note: 'Draft guidance is with the CPS for comment; victim care section still to agree.' },
  },
  {
    daysAgo: 2,
    time: '09:30',
    ref: '13',
    by: 'owner',
    act: {
      status: 'complete',
      note: 'Crime and incident records are now linked in the new Command and Control system.',
    },
  },
  {
    daysAgo: 2,
    time: '14:05',
    ref: '5',
    by: 'owner',
    act: {
      status: 'RED',
      note: 'The Contact Management review has slipped: the Data Integrity Unit is still recruiting.',
    },
  },
  {
    daysAgo: 1,
    time: '11:00',
    ref: 'HMICS 1',
    by: 'owner',
    act: { status: 'AMBER', note: 'D Division audit delayed by staff absence; a new audit date is agreed.' },
  },
  { daysAgo: 1, time: '15:20', ref: '11', by: 'plan owner', act: { decision: 'verify' } },
  // Just before the start, so that "what changed this week?" has an answer on a Monday morning too.
  {
    daysAgo: 0,
    time: 'just now',
    ref: 'National 9',
    by: 'owner',
    act: { status: 'GREEN', note: 'Force Crime Registrar booked on the national accreditation course.' },
  },
];

export async function writeDemoWeek(ctx: CoreContext, planKey: string, messages: OwnerLoopMessages): Promise<void> {
  const today = localDate(ctx.now(), ctx.timeZone);
  for (const e of WEEK) {
    const at =
      e.time === 'just now'
        ? new Date(ctx.now().getTime() - 5 * 60_000)
        : zonedToUtc(addDays(today, -e.daysAgo), e.time, ctx.timeZone);
    const then: CoreContext = { ...ctx, now: () => at };
    const action = await ctx.db.prisma.action.findFirstOrThrow({
      where: { plan: { key: planKey }, ref: e.ref },
      select: {
        id: true,
        version: true,
        plan: { select: { ownerPostId: true } },
        owners: { orderBy: { position: 'asc' }, take: 1, select: { postId: true } },
      },
    });
    const postId = e.by === 'plan owner' ? action.plan.ownerPostId : action.owners[0]?.postId;
    const holding = await ctx.db.prisma.postHolding.findFirstOrThrow({
      where: { postId: postId ?? '', to: null },
      select: { personId: true },
    });
    const data = { actionId: action.id, version: action.version, ...e.act };
    const result =
      'decision' in e.act
        ? await decideVerification(then, holding.personId, data, messages)
        : await submitUpdate(then, holding.personId, data, messages);
    if (result.kind !== 'updated' && result.kind !== 'decided')
      throw new Error(`demo week: ${e.ref} was ${result.kind}`);
  }
}
