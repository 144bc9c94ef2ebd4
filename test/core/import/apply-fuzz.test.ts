/**
 * applyParsedPlan must never throw or half-write, whatever the parser hands it: seed plans mutated
 * (repeated and empty refs, impossible dates, unknown words, owners named twice, rows dropped and
 * reordered) with a seeded PRNG, imported again and again into a few plans. A failed import leaves
 * every table exactly as it was; a successful one leaves the plan matching the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyParsedPlan } from '../../../core/import/apply';
import { parsePlan } from '../../../core/import/parse-plan';
import type { ParsedAction, ParsedPlan } from '../../../core/import/types';
import { createTestDb, testProvider, type TestDatabase } from '../../helpers/db';
import { testClock } from '../../helpers/clock';
import { prng } from '../../helpers/prng';

// Each case is a real transaction; 250 keeps the file near 20 s on a busy 2-core runner.
const CASES = testProvider() === 'sqlite' ? 250 : 100;
const fixtures = path.join(__dirname, '../../fixtures/import');
const seeds = [
  parsePlan(readFileSync(path.join(fixtures, 'btp-crime-data-integrity-improvement-plan-2015.txt')), 'btp.txt'),
  parsePlan(readFileSync(path.join(fixtures, 'audit-commission-ncrs-action-plan-2003.txt')), 'ncrs.txt'),
];

/** A deep copy with Dates of this realm (structuredClone's are Node's own, which jest's `instanceof Date` rejects). */
function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  return v;
}

function mutate(seed: ParsedPlan, rand: () => number): ParsedPlan {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const plan = clone(seed);
  const start = Math.floor(rand() * plan.recommendations.length);
  plan.recommendations = plan.recommendations.slice(start, start + 1 + Math.floor(rand() * 3));
  plan.problems = [];
  const actions = (): ParsedAction[] => plan.recommendations.flatMap((r) => r.actions);
  for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
    const a = pick(actions()) as ParsedAction | undefined;
    const rec = pick(plan.recommendations);
    switch (Math.floor(rand() * 12)) {
      case 0:
        if (a) a.ref = pick(actions()).ref;
        break; // repeated ref
      case 1:
        if (a) a.ref = pick(['', ' ', 'x'.repeat(300), '1', '1.1']);
        break;
      case 2:
        if (a) a.due = { text: 'Smarch', date: new Date(Number.NaN), precision: 'day' };
        break;
      case 3:
        if (a)
          a.updates.push({
            at: pick([null, new Date('2015-02-30'), new Date(Date.UTC(2015, 0, 1))]),
            text: pick(['', 'same', 'same']),
          });
        break;
      case 4:
        if (a)
          a.owners.push(...a.owners, {
            post: pick(['', '  ', 'FCR', 'Ünïcødé post', 'x'.repeat(500)]),
            role: pick([undefined, '', 'chair']),
          });
        break;
      case 5:
        if (a) (a as { status: string }).status = pick(['open', 'complete', 'bogus']);
        break;
      case 6:
        if (a) a.links = [pick(actions()).ref, 'nowhere', a.ref];
        break;
      case 7:
        rec.ref = pick(plan.recommendations).ref;
        break;
      case 8:
        rec.actions = [];
        break;
      case 9:
        plan.recommendations.reverse();
        break;
      case 10:
        if (a) a.text = pick(['', '\u0000', 'Ω'.repeat(10_000), "'; DROP TABLE Action; --"]);
        break;
      default:
        plan.reportDate = pick([undefined, new Date('nonsense'), new Date(Date.UTC(2003, 5, 1))]);
    }
  }
  return plan;
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

async function counts() {
  const p = t.db.prisma;
  return Promise.all([
    p.plan.count(),
    p.recommendation.count(),
    p.action.count(),
    p.actionOwner.count(),
    p.post.count(),
    p.update.count(),
    p.actionLink.count(),
  ]);
}

it(`imports ${CASES} mutated plans without throwing or half-writing`, async () => {
  const rand = prng(20150601);
  const clock = testClock('2015-06-01T09:00:00Z');
  let failed = 0;
  for (let i = 0; i < CASES; i++) {
    const plan = mutate(seeds[i % seeds.length], rand);
    const before = await counts();
    clock.advance(3_600_000);
    const opts = { planKey: `FUZZ-${i % 7}`, source: `case-${i}`, dryRun: rand() < 0.1 };
    const result = await applyParsedPlan({ db: t.db, now: clock.now }, plan, opts).catch((err: Error) => {
      throw new Error(`case ${i} threw: ${err.message}`);
    });
    if (result.failed || opts.dryRun) {
      failed += result.failed ? 1 : 0;
      expect({ case: i, counts: await counts() }).toEqual({ case: i, counts: before });
      continue;
    }
    const stored = await t.db.prisma.action.count({
      where: {
        plan: { key: opts.planKey },
        ref: { in: plan.recommendations.flatMap((r) => r.actions.map((a) => a.ref)) },
      },
    });
    expect({ case: i, stored }).toEqual({ case: i, stored: result.counts.actions });
  }
  // The mutations are meant to hit both paths.
  expect(failed).toBeGreaterThan(CASES / 10);
  expect(failed).toBeLessThan(CASES * 0.9);
});
