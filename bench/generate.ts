/**
 * Realistic benchmark data from a fixed seed, shaped like the plans in the seeds: plans of a few hundred
 * actions in sections, recommendations with 1–8 actions, actions owned by one to three posts (some with
 * role labels), posts held by people over time (ended holdings, job shares, vacancies), dated progress
 * and status update histories over years, a mix of statuses and reported RAG, due dates before and after
 * "today" in the plans' own wordings, people in a few time zones, some away/paused/delegating, most with
 * a 1:1 chat with the bot, and the reminders and escalations they were sent over those years
 * (bench/history.ts). The first plan has exactly 500 actions and sits on board "ICB" (the digest
 * figure). Rows go in as multi-row INSERTs (bench/driver.ts), streamed plan by plan, so memory stays flat.
 */
import { providerOf } from '../core/db/client';
import { openDriver, type Driver } from './driver';
import { createFloorIndexes } from './floor';
import { addDays, dateOnly } from '../core/time';
import { ReminderHistory, type HistoryAction } from './history';

export interface GenerateOptions {
  actions: number;
  seed?: number;
  /** "YYYY-MM-DD": due dates and histories are spread around it. */
  today: string;
}

export interface GeneratedCounts {
  plans: number;
  recommendations: number;
  actions: number;
  owners: number;
  updates: number;
  posts: number;
  people: number;
  reminderLogs: number;
  sentCards: number;
}

export const DIGEST_BOARD_KEY = 'ICB';
export const DIGEST_PLAN_ACTIONS = 500;
const CHUNK = 1000;

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ['Head of', 'Deputy Head of', 'Director of', 'Manager,', 'Lead for'];
const AREAS = [
  'Contact Management',
  'Crime Recording',
  'Offender Management',
  'Strategic Development',
  'Professional Standards',
  'Public Protection',
  'Audit and Compliance',
  'Training',
  'Custody',
  'Intelligence',
  'Information Management',
  'Neighbourhood Policing',
  'Digital Services',
  'Estates',
  'Finance',
  'HR',
  'Victim Care',
  'Safeguarding',
];
const TOP_POSTS = [
  'Deputy Chief Constable',
  'Assistant Chief Constable',
  'Force Crime Registrar',
  'Chief Superintendent Operations',
  'Head of SDD',
];
const SECTIONS = [
  'IMMEDIATE',
  'WITHIN THREE MONTHS',
  'WITHIN SIX MONTHS',
  'CRIME DATA ISSUES',
  'National Recommendations',
  'HMICS Improvement Actions',
];
const VERBS = [
  'Review',
  'Issue guidance on',
  'Audit',
  'Train staff on',
  'Publish a policy for',
  'Report to the board on',
  'Establish a meeting schedule for',
  'Refresh',
];
const TOPICS = [
  'incident closures',
  'rape transfer procedures',
  'crime data integrity',
  'NCRS compliance',
  'victim care standards',
  'case paper transfers',
  'the counting rules',
  'supervision standards',
];
const FIRST = [
  'Alex',
  'Megan',
  'Priya',
  'Tom',
  'Grace',
  'Omar',
  'Li',
  'Sam',
  'Ruth',
  'Dev',
  'Hannah',
  'Kofi',
  'Joan',
  'Marek',
  'Aisha',
  'Ian',
];
const LAST = [
  'Wilber',
  'Bowen',
  'Shah',
  'Foy',
  'Jarman',
  'Minton',
  'Okafor',
  'Nowak',
  'Chen',
  'Evans',
  'Reid',
  'Murphy',
  'Clarke',
  'Hughes',
  'Patel',
  'Byrne',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Fills an empty, migrated database at `url`. */
export async function generateData(url: string, opts: GenerateOptions): Promise<GeneratedCounts> {
  const sink = await openDriver(url);
  try {
    const counts = await fill(sink, opts);
    await createFloorIndexes(sink);
    // What a database in use has and a freshly bulk-loaded one does not yet: planner statistics (on
    // SQLite Chaser's own ANALYZE after imports and nightly, jobs/planner-stats.ts; without them SQLite
    // runs the floor's "what's red?" page as a full sort) and, on PostgreSQL, autovacuum's visibility
    // map, without which no index-only scan happens (counting red actions read 3,000 heap pages at 100k).
    await sink.query(providerOf(url) === 'postgresql' ? 'VACUUM ANALYZE' : 'ANALYZE');
    return counts;
  } finally {
    await sink.close();
  }
}

async function fill(sink: Driver, opts: GenerateOptions): Promise<GeneratedCounts> {
  const rand = prng(opts.seed ?? 42);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const at = (day: string, minute = 9 * 60) => new Date(dateOnly(day).getTime() + minute * 60_000);
  // One fixed instant for createdAt/updatedAt bookkeeping columns the generator does not vary.
  const stamp = at(opts.today, 0);
  const counts: GeneratedCounts = {
    plans: 0,
    recommendations: 0,
    actions: 0,
    owners: 0,
    updates: 0,
    posts: 0,
    people: 0,
    reminderLogs: 0,
    sentCards: 0,
  };

  // Posts and people: about one post per 25 actions, so a post owns a few dozen actions across plans.
  const postCount = Math.max(40, Math.round(opts.actions / 25));
  const postNames = Array.from({ length: postCount }, (_, i) =>
    i < TOP_POSTS.length
      ? TOP_POSTS[i]
      : `${ROLES[i % ROLES.length]} ${AREAS[Math.floor(i / ROLES.length) % AREAS.length]}${i >= ROLES.length * AREAS.length ? ` (${Math.floor(i / (ROLES.length * AREAS.length))})` : ''}`,
  );
  const posts = postNames.map((name, i) => ({ id: `post-${i}`, name }));
  const people: {
    id: string;
    displayName: string;
    aadObjectId: string;
    teamsUserId: string;
    tenantId: string;
    timeZone: string | null;
    workingDays: string;
    awayUntil: Date | null;
    delegateId: string | null;
    remindersPaused: boolean;
  }[] = [];
  const holdings: { id: string; postId: string; personId: string; from: Date; to: Date | null }[] = [];
  const newPerson = () => {
    const i = people.length;
    const person = {
      id: `person-${i}`,
      displayName: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length))}` : ''}`,
      aadObjectId: `aad-${i}`,
      teamsUserId: `29:user-${i}`,
      tenantId: 'bench-tenant',
      timeZone:
        rand() < 0.1
          ? null
          : rand() < 0.9
            ? 'Europe/London'
            : pick(['America/New_York', 'Asia/Kolkata', 'Australia/Sydney']),
      workingDays: rand() < 0.9 ? '1,2,3,4,5' : '1,2,3,4',
      awayUntil: rand() < 0.04 ? at(addDays(opts.today, int(1, 20))) : null,
      delegateId: null as string | null,
      remindersPaused: rand() < 0.02,
    };
    if (person.awayUntil && i > 0 && rand() < 0.7) person.delegateId = `person-${int(0, i - 1)}`;
    people.push(person);
    return person;
  };
  for (const post of posts) {
    if (rand() < 0.3)
      holdings.push({
        id: `hold-${holdings.length}`,
        postId: post.id,
        personId: newPerson().id,
        from: at(addDays(opts.today, -int(1500, 3000))),
        to: at(addDays(opts.today, -int(30, 1400))),
      });
    if (rand() < 0.05) continue; // vacant
    const holders = rand() < 0.08 ? 2 : 1; // job share
    for (let h = 0; h < holders; h++)
      holdings.push({
        id: `hold-${holdings.length}`,
        postId: post.id,
        personId: newPerson().id,
        from: at(addDays(opts.today, -int(10, 1400))),
        to: null,
      });
  }
  await sink.insert(
    'Post',
    posts.map((x) => ({ ...x, createdAt: stamp })),
  );
  await sink.insert(
    'Person',
    people.map((x) => ({ ...x, createdAt: stamp, updatedAt: stamp })),
  );
  await sink.insert('PostHolding', holdings);
  const reachable = people.filter(() => rand() < 0.85);
  const holdersOf = (postId: string) =>
    holdings.filter((h) => h.postId === postId && h.to === null).map((h) => h.personId);
  const currentHolders = new Map(posts.map((p) => [p.id, holdersOf(p.id)]));
  const reachableIds = new Set(reachable.map((p) => p.id));
  const reminderHistory = new ReminderHistory(
    opts.today,
    new Map(
      people.map((p) => [
        p.id,
        {
          workingDays: p.workingDays.split(',').map(Number),
          conversationRefId: reachableIds.has(p.id) ? `conv-${p.id}` : null,
        },
      ]),
    ),
  );
  await sink.insert(
    'ConversationRef',
    reachable.map((person) => {
      const conversationId = `a:bench-${person.id}`;
      const reference = {
        conversation: { id: conversationId, conversationType: 'personal', tenantId: person.tenantId },
        serviceUrl: 'http://127.0.0.1:9/',
        channelId: 'msteams',
        user: { id: person.teamsUserId, aadObjectId: person.aadObjectId },
        bot: { id: '28:chaser-bot' },
      };
      return {
        id: `conv-${person.id}`,
        conversationId,
        scope: 'personal',
        personId: person.id,
        tenantId: person.tenantId,
        serviceUrl: reference.serviceUrl,
        reference: JSON.stringify(reference),
        createdAt: stamp,
        updatedAt: stamp,
      };
    }),
  );
  counts.posts = posts.length;
  counts.people = people.length;

  await sink.insert('Board', [
    {
      id: 'board-icb',
      key: DIGEST_BOARD_KEY,
      name: 'Integrity and Compliance Board',
      createdAt: stamp,
      updatedAt: stamp,
    },
  ]);

  let remaining = opts.actions;
  for (let planNo = 0; remaining > 0; planNo++) {
    const size = Math.min(remaining, planNo === 0 ? DIGEST_PLAN_ACTIONS : int(150, 650));
    remaining -= size;
    const planId = `plan-${planNo}`;
    const reportDate = addDays(opts.today, -int(120, 1500));
    const ownerPostId = pick(posts).id;
    await sink.insert('Plan', [
      {
        id: planId,
        key: `P${String(planNo).padStart(3, '0')}-CDI`,
        title: `Crime Data Integrity Improvement Plan ${planNo}`,
        issuer: 'HMIC',
        reportDate: dateOnly(reportDate),
        ownerPostId,
        createdAt: at(reportDate),
        updatedAt: stamp,
      },
    ]);
    if (planNo === 0) await sink.insert('BoardPlan', [{ boardId: 'board-icb', planId }]);
    counts.plans++;

    const recs: Record<string, unknown>[] = [];
    const actions: Record<string, unknown>[] = [];
    const owners: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    const reminded: HistoryAction[] = [];
    const flush = async (all: boolean) => {
      if (recs.length && (all || actions.length >= CHUNK)) {
        await sink.insert('Recommendation', recs.splice(0));
        await sink.insert('Action', actions.splice(0));
        await sink.insert('ActionOwner', owners.splice(0));
        await sink.insert('Update', updates.splice(0));
        const logs = reminderHistory.logs(reminded.splice(0));
        await sink.insert('ReminderLog', logs);
        counts.reminderLogs += logs.length;
      }
    };
    let position = 0;
    for (let recNo = 1; position < size; recNo++) {
      const recId = `${planId}-rec-${recNo}`;
      recs.push({
        id: recId,
        planId,
        ref: String(recNo),
        text: `The force should ${pick(VERBS).toLowerCase()} ${pick(TOPICS)} so that crime data is recorded with integrity. (Page ${int(3, 60)})`,
        section: SECTIONS[Math.floor(recNo / 12) % SECTIONS.length],
        position: recNo - 1,
      });
      counts.recommendations++;
      const n = Math.min(int(1, 8), size - position);
      for (let k = 0; k < n; k++, position++) {
        const id = `${planId}-a-${position}`;
        const createdDay = addDays(reportDate, int(0, 30));
        const dated = rand() < 0.9;
        const precision = dated ? pick(['day', 'day', 'month', 'month', 'quarter']) : 'none';
        const dueDay = dated ? lastDayOf(addDays(opts.today, int(-500, 300)), precision) : null;
        // Most of what fell due long ago is done; a tail stays open and overdue, as in the seed plans.
        const doneOdds = dueDay && dueDay < addDays(opts.today, -60) ? 0.85 : 0.2;
        const status = rand() >= doneOdds ? 'open' : rand() < 0.2 ? 'awaiting_verification' : 'complete';
        const history: {
          id: string;
          actionId: string;
          at: Date;
          kind: string;
          text: string;
          authorName: string;
          changes: string | null;
          rag: string | null;
          createdAt: Date;
        }[] = [];
        let day = createdDay;
        for (let u = int(0, 6); u > 0; u--) {
          day = addDays(day, int(7, 90));
          if (day > opts.today) break;
          history.push({
            id: `${id}-u-${history.length}`,
            actionId: id,
            at: at(day, int(8 * 60, 18 * 60)),
            kind: 'progress',
            text: `${day} - progress on ${pick(TOPICS)}: ${pick(['meeting held', 'draft circulated', 'awaiting sign-off', 'training delivered', 'audit scheduled'])}.`,
            authorName: pick(people).displayName,
            changes: null,
            rag: null,
            createdAt: stamp,
          });
        }
        const reportedRag =
          status === 'open'
            ? pick(['RED', 'AMBER', 'AMBER', 'GREEN', 'GREEN', 'GREEN', null])
            : status === 'complete'
              ? 'COMPLETE'
              : null;
        const last = history[history.length - 1];
        if (last && reportedRag) last.rag = reportedRag;
        const doneDay = last ? addDays(last.at.toISOString().slice(0, 10), 1) : createdDay;
        const completedAt = status === 'open' ? null : at(doneDay < opts.today ? doneDay : addDays(opts.today, -1));
        if (completedAt) {
          history.push({
            id: `${id}-u-${history.length}`,
            actionId: id,
            at: completedAt,
            kind: 'status',
            text: 'Marked complete',
            authorName: 'import',
            changes: JSON.stringify({ status: ['open', status] }),
            rag: null,
            createdAt: stamp,
          });
        }
        actions.push({
          id,
          planId,
          recommendationId: recId,
          ref: `${recNo}.${k + 1}`,
          text: `${k + 1}. ${pick(VERBS)} ${pick(TOPICS)} and report progress to the Integrity and Compliance Board`,
          dueDate: dueDay && dateOnly(dueDay),
          dueText: dueDay ? dueWording(dueDay, precision) : pick(['Ongoing', 'Ongoing', 'Now']),
          duePrecision: precision,
          status,
          reportedRag,
          reportedRagAt: reportedRag && last ? last.at : null,
          completedAt,
          lastUpdateAt: last?.at ?? null,
          snoozedUntil: status === 'open' && rand() < 0.02 ? at(addDays(opts.today, int(1, 10))) : null,
          position,
          createdAt: at(createdDay),
          updatedAt: stamp,
        });
        const ownerCount = rand() < 0.7 ? 1 : rand() < 0.66 ? 2 : 3;
        const taken = new Set<string>();
        for (let o = 0; o < ownerCount; o++) {
          const post = pick(posts);
          if (taken.has(post.id)) continue;
          taken.add(post.id);
          owners.push({
            actionId: id,
            postId: post.id,
            position: o,
            roleLabel: rand() < 0.15 ? pick(['SNTs', 'IBOs', 'Metcall', 'FCR team']) : null,
          });
        }
        updates.push(...history);
        reminded.push({
          id,
          due: dueDay,
          doneDay: completedAt ? completedAt.toISOString().slice(0, 10) : null,
          ownerIds: [...new Set([...taken].flatMap((p) => currentHolders.get(p)!))],
          planOwnerIds: currentHolders.get(ownerPostId)!,
        });
        counts.actions++;
        counts.owners += taken.size;
        counts.updates += history.length;
      }
      await flush(false);
    }
    await flush(true);
  }
  for (const cards of reminderHistory.cards(CHUNK)) {
    await sink.insert('OutboxMessage', cards);
    counts.sentCards += cards.length;
  }
  return counts;
}

/** "17/04/2015", "Dec 2015", "Q4 2015": as the seed plans write them. */
function dueWording(day: string, precision: string): string {
  const [y, m, d] = day.split('-');
  if (precision === 'day') return `${d}/${m}/${y}`;
  if (precision === 'month') return `${MONTHS[Number(m) - 1]} ${y}`;
  return `Q${Math.ceil(Number(m) / 3)} ${y}`;
}

/** The last day the wording allows: the day itself, the end of its month or of its quarter. */
function lastDayOf(day: string, precision: string): string {
  if (precision === 'day') return day;
  const [y, m] = day.split('-').map(Number);
  const endMonth = precision === 'month' ? m : Math.ceil(m / 3) * 3;
  return new Date(Date.UTC(y, endMonth, 0)).toISOString().slice(0, 10);
}
