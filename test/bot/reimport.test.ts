/**
 * Re-importing a plan over HTTP and the CLI: what owners did in Teams (a Red report, a new date approved by
 * the plan owner, a completion) survives the same file imported again; a file that changed another fact
 * changes only that; one that changed the same fact is a conflict that keeps Teams' value unless the file is
 * preferred; a file imported before is recognised without --plan.
 */
import { historySentence } from '../../core/history/sentence';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../bot/cli/run';
import { ALEX, MEGAN, cardAction, message, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';

const HEADER = [
  'Crime Data Integrity Improvement Plan',
  'Improvement Plan Owner: Deputy Chief Constable',
  'Ref,Recommendation,Action,Action Owner,Due Date,Latest Update,Complete Yes/No,RAG Status',
];
const ROWS = [
  '1,Deliver a clear message,Publish a statement,Head of SDD,01-Mar-15,Drafting,No,G',
  '2,Review guidance,Issue guidance,Head of SDD,Now,,No,A',
  '3,Audit closures,Sample 200 closures,FCR,30/09/2015,,No,G',
];
const plan = (rows = ROWS) => [...HEADER, ...rows].join('\n');

let bot: TestBot;
const dir = mkdtempSync(path.join(tmpdir(), 'chaser-reimport-'));
const db = () => bot.chaser.core.db.prisma;
const action = (ref: string) => db().action.findFirstOrThrow({ where: { ref, plan: { key: 'CDI' } } });

async function cli(content: string, ...args: string[]) {
  const file = path.join(dir, 'cdi-plan.csv');
  writeFileSync(file, content);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['import', file, ...args], {
    env: { DATABASE_URL: bot.chaser.config.DATABASE_URL },
    now: bot.clock.now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}
const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T09:00:00Z' });
  expect((await cli(plan(), '--plan', 'CDI')).code).toBe(0);
  await seedPerson(bot.chaser.core.db, {
    displayName: ALEX.name,
    teamsUserId: ALEX.id,
    aadObjectId: ALEX.aadObjectId,
    posts: ['Head of SDD'],
  });
  await seedPerson(bot.chaser.core.db, {
    displayName: MEGAN.name,
    teamsUserId: MEGAN.id,
    aadObjectId: MEGAN.aadObjectId,
    posts: ['Deputy Chief Constable'],
  });
  for (const user of [ALEX, MEGAN]) await bot.post(message('hello', { serviceUrl: bot.connector.url, user }));

  // In Teams: Alex reports Red and asks for a new date, which Megan (the plan owner) approves; Alex completes 2.
  const one = await action('1.1');
  await click(ALEX, 'action.update', {
    actionId: one.id,
    version: one.version,
    status: 'RED',
    note: 'Funding late',
    newDueDate: '2015-12-31',
    dueReason: 'Funding agreed for Q3',
  });
  const approval = await db().outboxMessage.findFirstOrThrow({
    where: { purpose: 'approval' },
    orderBy: { createdAt: 'desc' },
  });
  const requestId = queuedActivity(approval).attachments[0].content.actions[0].data.requestId;
  expect((await click(MEGAN, 'extension.decide', { requestId, decision: 'approve' })).status).toBe(200);
  const two = await action('2.1');
  await click(ALEX, 'action.update', {
    actionId: two.id,
    version: two.version,
    status: 'complete',
    note: 'Guidance issued',
  });
  expect(await action('1.1')).toMatchObject({ reportedRag: 'RED', dueDate: new Date('2015-12-31T00:00:00Z') });
  expect((await action('2.1')).status).toBe('awaiting_verification');
});
afterAll(() => bot.stop());

it('undoes nothing done in Teams when the same file comes again, and the dry run says so', async () => {
  const dry = await cli(plan(), '--plan', 'CDI', '--dry-run');
  expect(dry.out).toContain('nothing changed: the plan already matches the file');
  await cli(plan(), '--plan', 'CDI');
  expect(await action('1.1')).toMatchObject({
    reportedRag: 'RED',
    dueDate: new Date('2015-12-31T00:00:00Z'),
    dueRevisions: expect.any(Number),
  });
  expect((await action('2.1')).status).toBe('awaiting_verification');
  // "Now" keeps the date it was given, whenever the file is read again.
  bot.clock.set('2015-07-01T09:00:00Z');
  await cli(plan(), '--plan', 'CDI');
  expect((await action('2.1')).dueText).toBe('Now');
  expect(await db().update.count({ where: { kind: 'change', action: { plan: { key: 'CDI' } } } })).toBe(0);
});

it('changes only the fact the file changed, in words with its row', async () => {
  const r = await cli(
    plan([ROWS[0].replace('Publish a statement', 'Publish a statement from the Chief Constable'), ROWS[1], ROWS[2]]),
    '--plan',
    'CDI',
  );
  expect(r.out).toContain(
    '  change action 1.1 (row 4): text "Publish a statement" → "Publish a statement from the Chief Constable"',
  );
  expect(await action('1.1')).toMatchObject({
    text: 'Publish a statement from the Chief Constable',
    reportedRag: 'RED',
    dueDate: new Date('2015-12-31T00:00:00Z'),
  });
});

it("reports a fact both changed as a conflict and keeps Teams' value; --prefer-file takes the file's", async () => {
  const moved = plan([
    ROWS[0]
      .replace('Publish a statement', 'Publish a statement from the Chief Constable')
      .replace('01-Mar-15', '30-Apr-15'),
    ROWS[1],
    ROWS[2],
  ]);
  const dry = await cli(moved, '--plan', 'CDI', '--dry-run');
  expect(dry.out).toContain(
    '  conflict in action 1.1 (row 4): due date kept at 31 Dec 2015, set in Teams; the file says 30 Apr 2015',
  );
  expect(dry.out).toContain("1 kept as changed in Teams; --prefer-file takes the file's instead");
  await cli(moved, '--plan', 'CDI');
  expect((await action('1.1')).dueDate).toEqual(new Date('2015-12-31T00:00:00Z'));
  // On record once, however often the same file is read again while the conflict stands.
  await cli(moved, '--plan', 'CDI');
  const onRecord = await db().update.findMany({
    where: { action: { plan: { key: 'CDI' }, ref: '1.1' }, detail: { contains: '"conflicts"' } },
  });
  expect(onRecord.map((u) => u.text)).toEqual([
    'Import conflict in cdi-plan.csv (row 4): due date kept at 31 Dec 2015, set in Teams; the file says 30 Apr 2015',
  ]);
  expect(
    historySentence({
      ...onRecord[0],
      author: onRecord[0].authorName,
      changes: {},
      detail: JSON.parse(onRecord[0].detail!),
    }),
  ).toBe(
    'Import of cdi-plan.csv (row 4) left what Teams had: due date kept at 31 Dec 2015, set in Teams; the file says 30 Apr 2015',
  );

  const preferred = await cli(moved, '--plan', 'CDI', '--prefer-file');
  expect(preferred.out).toContain('  change action 1.1 (row 4): due date 31 Dec 2015 → 30 Apr 2015');
  expect((await action('1.1')).dueDate).toEqual(new Date('2015-04-30T00:00:00Z'));
});

it('recognises a file imported before and merges into its plan without --plan', async () => {
  const r = await cli(plan());
  expect(r.out[0]).toBe('CDI was imported from this file on 1 Jun 2015: merging into it');
  expect(r.out).toContain('cdi-plan.csv → plan CDI');
  expect(await db().plan.count()).toBe(1);
});
