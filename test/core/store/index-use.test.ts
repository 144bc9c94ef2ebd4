/**
 * Every statement a question runs reaches actions, owners and history through an index, never by reading
 * the whole table: checked with each database's own EXPLAIN on the statements the questions actually run,
 * over a generated organisation (the benchmark's data, smaller). PostgreSQL is asked with sequential scans
 * discouraged, so the check is that an index can serve each statement, not the planner's choice at this size.
 */
import { DIGEST_BOARD_KEY, generateData } from '../../../bench/generate';
import { boardOverview } from '../../../core/board/overview';
import type { CoreContext } from '../../../core/context';
import { refreshPlannerStats } from '../../../core/db/planner-stats';
import { parseQuestion } from '../../../core/query';
import { loadLexicon } from '../../../core/query/lexicon-source';
import { runQuery } from '../../../core/query/run';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { sql } from '../../../core/store';
import { createTestDb, testProvider, type TestDatabase } from '../../helpers/db';

const NOW = new Date('2026-11-24T10:00:00Z');
/** Tables that grow with the organisation: never read whole. */
const LARGE = ['Action', 'ActionOwner', 'Update', 'Recommendation'];

let t: TestDatabase;
let ctx: CoreContext;
let post: string;
let person: string;
let ref: string;

beforeAll(async () => {
  t = await createTestDb();
  await generateData(t.url, { actions: 3000, seed: 5, today: '2026-11-24' });
  await refreshPlannerStats(t.db);
  ctx = { db: t.db, now: () => NOW, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const owner = await t.db.prisma.postHolding.findFirstOrThrow({
    where: { to: null, post: { actions: { some: { action: { status: 'open' } } } } },
    select: { post: { select: { name: true } }, person: { select: { displayName: true } } },
  });
  post = owner.post.name;
  person = owner.person.displayName;
  const action = await t.db.prisma.action.findFirstOrThrow({ select: { ref: true, plan: { select: { key: true } } } });
  ref = `${action.plan.key}-${action.ref}`;
}, 120_000);
afterAll(() => t.drop());

/** The statements `question` runs through the store, with their parameters. */
async function statementsOf(question: string): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const statements = await statementsRunBy(async () => {
    const query = parseQuestion(question, await loadLexicon(ctx), NOW);
    expect(query.kind).not.toBe('unknown');
    await runQuery(ctx, query, { pageSize: 10 });
  });
  return statements.filter((s) => !/^select count\(\*\) as "plans"/.test(s.sql));
}

/** The statements `run` sends through the store, with their parameters. */
async function statementsRunBy(
  work: () => Promise<unknown>,
): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const executor = t.db.store.getExecutor();
  const run = executor.executeQuery.bind(executor);
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const spy = jest.spyOn(executor, 'executeQuery').mockImplementation((query, ...rest) => {
    seen.push({ sql: query.sql, parameters: query.parameters });
    return run(query, ...rest);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

/** The plan's lines that read a large table whole. */
async function fullScans(statement: { sql: string; parameters: readonly unknown[] }): Promise<string[]> {
  const explain = async (text: string) => {
    const raw = { sql: text, parameters: statement.parameters, query: { kind: 'RawNode' } } as never;
    return (await t.db.store.executeQuery(raw)).rows as Record<string, unknown>[];
  };
  if (testProvider() === 'sqlite') {
    const lines = (await explain(`EXPLAIN QUERY PLAN ${statement.sql}`)).map((r) => String(r.detail));
    return lines.filter((l) =>
      LARGE.some((table) => new RegExp(`^SCAN (${table}|[a-z]+)$`).test(l) && scans(l, table, statement.sql)),
    );
  }
  return t.db.store.connection().execute(async (connection) => {
    await sql`SET enable_seqscan = off`.execute(connection);
    try {
      const plan = await connection.executeQuery({
        sql: `EXPLAIN ${statement.sql}`,
        parameters: statement.parameters,
        query: { kind: 'RawNode' },
      } as never);
      const lines = (plan.rows as Record<string, string>[]).map((r) => r['QUERY PLAN']);
      return lines.filter((l) => LARGE.some((table) => l.includes(`Seq Scan on "${table}"`)));
    } finally {
      await sql`SET enable_seqscan = on`.execute(connection);
    }
  });
}

/** A SQLite "SCAN x" line reads `table` whole when x is the table or its alias in the statement. */
function scans(line: string, table: string, text: string): boolean {
  const target = line.slice('SCAN '.length);
  return target === table || new RegExp(`"${table}" as "${target}"`).test(text);
}

it.each([
  "what's red?",
  "what's amber?",
  "what's overdue?",
  "what's overdue for {post}?",
  'status of {ref}',
  'history of {ref}',
  'how are we doing?',
  'what changed this week?',
  'what was completed this month?',
  'who is behind?',
  'what does {person} owe?',
])('"%s" reads actions, owners and history through indexes', async (asked) => {
  const question = asked.replace('{post}', post).replace('{ref}', ref).replace('{person}', person);
  const statements = await statementsOf(question);
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements)
    expect({ question, statement: statement.sql, scans: await fullScans(statement) }).toMatchObject({ scans: [] });
});

it("the board tab's overview reads its plans' actions, owners and recommendations through indexes", async () => {
  const board = await t.db.prisma.board.findUniqueOrThrow({ where: { key: DIGEST_BOARD_KEY } });
  const viewer = await t.db.prisma.person.findFirstOrThrow({ select: { id: true } });
  const statements = await statementsRunBy(() => boardOverview(ctx, board, viewer.id));
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements)
    expect({ statement: statement.sql, scans: await fullScans(statement) }).toMatchObject({ scans: [] });
});

it('sees a statement that reads actions whole', async () => {
  const byText = { sql: 'select count(*) as "n" from "Action" as "a" where "a"."text" = ?', parameters: ['x'] };
  const statement = testProvider() === 'sqlite' ? byText : { ...byText, sql: byText.sql.replace('?', '$1') };
  expect(await fullScans(statement)).toEqual([expect.stringMatching(/SCAN a|Seq Scan on "Action"/)]);
});
