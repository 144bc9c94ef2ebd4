/**
 * How many SQL statements each kind of question runs once parsed: a budget of three, so an answer's cost is
 * a few round trips whatever the size of the database. Counted at the drivers, Prisma's and the store's
 * statements alike.
 */
import Database from 'libsql';
import pg from 'pg';
import type { CoreContext } from '../../../core/context';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { parseQuestion } from '../../../core/query';
import { loadLexicon } from '../../../core/query/lexicon-source';
import { runQuery } from '../../../core/query/run';
import { createTestDb, testProvider, type TestDatabase } from '../../helpers/db';
import { testClock } from '../../helpers/clock';
import { ALEX } from '../../helpers/activities';
import { NOW, seedQuestionWorld } from './questions.fixture';

const STATEMENT_BUDGET = 3;

let t: TestDatabase;
let ctx: CoreContext;

beforeAll(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    now: testClock(NOW).now,
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  await seedQuestionWorld(t.db);
});
afterAll(() => t.drop());

/** Counts the statements the drivers run while `work` runs. */
async function statementsRun(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const spies =
    testProvider() === 'sqlite'
      ? // libsql's `all` runs through `iterate`, so it is counted there.
        (['get', 'run', 'iterate'] as const).map((method) => {
          const prototype = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1'));
          const original = prototype[method];
          return jest.spyOn(prototype, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
            count++;
            return original.apply(this, args);
          });
        })
      : [
          ((original) =>
            jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
              count++;
              return original.apply(this, args as never);
            } as never))(pg.Client.prototype.query),
        ];
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return count;
}

it.each([
  "what's red?",
  "what's amber?",
  "what's overdue for Head of Contact Management?",
  'status of BTP-CDI-1',
  'history of BTP-CDI-1',
  'what changed this week?',
  'what was completed this month?',
  'how are we doing?',
  'how are we doing on BTP-CDI?',
  'who is behind?',
  'what does Megan Bowen owe?',
])('"%s" runs at most three statements', async (question) => {
  const query = parseQuestion(question, await loadLexicon(ctx), ctx.now());
  expect(query.kind).not.toBe('unknown');
  const asker = { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id };
  const count = await statementsRun(() => runQuery(ctx, query, { asker, pageSize: 10 }));
  expect(count).toBeLessThanOrEqual(STATEMENT_BUDGET);
});
