/**
 * Demo data for `CHASER_DEMO=1`: the British Transport Police crime data integrity improvement plan
 * (HMIC, 2015) as the organisation kept it, moved in time so that today is in the middle of its life
 * (demo-dates.ts), with its posts held by the Agents Playground's built-in users and a few days of
 * their work (demo-week.ts), so questions, reminders and digests show something from the first minute.
 * Loaded once: a database that already has the plan is left alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OwnerLoopMessages } from '../../core/actions/owner-messages';
import type { CoreContext } from '../../core/context';
import { applyParsedPlan } from '../../core/import/apply';
import { parsePlan } from '../../core/import/parse-plan';
import { localDate } from '../../core/time';
import { movePlanToToday } from './demo-dates';
import { writeDemoWeek } from './demo-week';

export const DEMO_PLAN_KEY = 'BTP-CDI';
const DEMO_FILE = path.join(__dirname, 'btp-crime-data-integrity.csv');

/** The Agents Playground's built-in users (its default .m365agentsplayground.yml). */
export const PLAYGROUND_USERS = [
  {
    teamsUserId: 'user-id-0',
    aadObjectId: '00000000-0000-0000-0000-0000000000020',
    displayName: 'Alex Wilber',
    upn: 'alexw@example.com',
  },
  {
    teamsUserId: 'user-id-1',
    aadObjectId: '00000000-0000-0000-0000-0000000000021',
    displayName: 'Megan Bowen',
    upn: 'meganb@example.com',
  },
  {
    teamsUserId: 'user-id-2',
    aadObjectId: '00000000-0000-0000-0000-0000000000022',
    displayName: 'Adele Vance',
    upn: 'adelev@example.com',
  },
  {
    teamsUserId: 'user-id-3',
    aadObjectId: '00000000-0000-0000-0000-0000000000023',
    displayName: 'Isaiah Langer',
    upn: 'isaiah@example.com',
  },
  {
    teamsUserId: 'user-id-4',
    aadObjectId: '00000000-0000-0000-0000-0000000000024',
    displayName: 'Patti Fernandez',
    upn: 'pattif@example.com',
  },
  {
    teamsUserId: 'user-id-5',
    aadObjectId: '00000000-0000-0000-0000-0000000000025',
    displayName: 'Lynne Robbins',
    upn: 'lynner@example.com',
  },
];

/**
 * Alex Wilber (the Playground's "you") holds the plan-owner post and the posts named here: between them
 * an action of each kind (red and overdue, amber, due within days, completed this week and waiting for
 * verification), so Alex's first reminder and "my actions" show each.
 */
const ALEX_POSTS = [
  'Head of Contact Management',
  'Head of SDD',
  'College of Policing (Deputy Chief Constable)',
  'Supt Integrated Systems Project',
  'Ch. Supt Mc Bride',
];

export async function loadDemo(ctx: CoreContext, messages: OwnerLoopMessages): Promise<boolean> {
  const prisma = ctx.db.prisma;
  if (await prisma.plan.findUnique({ where: { key: DEMO_PLAN_KEY } })) return false;

  const asKept = parsePlan(readFileSync(DEMO_FILE), path.basename(DEMO_FILE), {
    reportDate: new Date('2014-12-23T00:00:00Z'),
  });
  const parsed = movePlanToToday(asKept, localDate(ctx.now(), ctx.timeZone));
  parsed.title ??= 'Crime Data Integrity Improvement Plan';
  parsed.issuer ??= 'HMIC';
  parsed.planOwner ??= 'Strategic Development Department';
  const result = await applyParsedPlan(ctx, parsed, {
    planKey: DEMO_PLAN_KEY,
    source: 'demo: btp-crime-data-integrity.csv',
  });
  if (result.problems.some((p) => p.severity === 'error')) {
    throw new Error(`demo plan failed to import: ${result.problems.map((p) => p.message).join('; ')}`);
  }

  const people = await Promise.all(
    PLAYGROUND_USERS.map((u, i) =>
      prisma.person.upsert({
        where: { aadObjectId: u.aadObjectId },
        create: { ...u, role: i === 0 ? 'admin' : 'member' },
        update: {},
      }),
    ),
  );
  const plan = await prisma.plan.findUniqueOrThrow({ where: { key: DEMO_PLAN_KEY } });
  const posts = await prisma.post.findMany({
    where: { OR: [{ actions: { some: { action: { planId: plan.id } } } }, { id: plan.ownerPostId ?? '' }] },
    orderBy: { name: 'asc' },
  });
  const since = plan.reportDate ?? ctx.now();
  await prisma.postHolding.createMany({
    data: posts.map((post, i) => {
      const alex = post.id === plan.ownerPostId || ALEX_POSTS.includes(post.name);
      return { postId: post.id, personId: alex ? people[0].id : people[1 + (i % (people.length - 1))].id, from: since };
    }),
  });
  const board = await prisma.board.upsert({
    where: { key: 'ICB' },
    create: { key: 'ICB', name: 'Integrity and Compliance Board' },
    update: {},
  });
  await prisma.boardPlan.create({ data: { boardId: board.id, planId: plan.id } });
  await writeDemoWeek(ctx, DEMO_PLAN_KEY, messages);
  return true;
}
