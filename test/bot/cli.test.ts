/** The CLI works on the same database as the bot and prints what the README says. */
import { runCliOn } from '../helpers/cli';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPlan, seedPerson } from '../helpers/fixtures';
import { testClock } from '../helpers/clock';

let t: TestDatabase;
const clock = testClock('2015-06-01T09:00:00Z');

const cli = (...argv: string[]) => runCliOn(t.url, clock.now, argv);

beforeAll(async () => {
  t = await createTestDb();
  await seedPlan(t.db, {
    key: 'BTP-CDI',
    title: 'Crime Data Integrity',
    actions: [
      {
        ref: '7',
        owners: ['Head of Offender Management'],
        due: '2015-03-01',
        dueText: '01-Mar-15',
        updates: [{ at: '2015-05-20', text: 'Drafted' }],
      },
      { ref: '9', owners: ['FCR'], due: null, dueText: 'Ongoing', updates: [{ at: '2015-04-01', text: 'Started' }] },
    ],
  });
  await seedPerson(t.db, { displayName: 'Adele Vance', posts: ['FCR'] });
});
afterAll(() => t.drop());

const DEFAULT_ESCALATION =
  '; escalated to the plan owner when overdue by more than: high 7 days, medium 14 days, low 14 days' +
  '; completions followed up with whoever verifies after waiting: high 5 days, medium not followed up, low not followed up';

describe('npm run chaser', () => {
  it('lists plans', async () => {
    const r = await cli('plans', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0])).toMatchObject({
      key: 'BTP-CDI',
      title: 'Crime Data Integrity',
      recommendations: 1,
      actions: 2,
    });
  });

  it("lists a plan's actions as JSON Lines with effective RAG and reasons", async () => {
    const r = await cli('list', '--plan', 'btp-cdi', '--json');
    expect(r.code).toBe(0);
    const [a7, a9] = r.out.map((l) => JSON.parse(l));
    expect(a7).toMatchObject({
      plan: 'BTP-CDI',
      action: { ref: '7', text: 'Action 7' },
      owners: [{ post: 'Head of Offender Management', holders: [] }],
      due: '2015-03-01',
      dueText: '01-Mar-15',
      duePrecision: 'day',
      status: 'open',
      effectiveRag: 'RED',
      reason: 'overdue since 2 Mar 2015',
      lastUpdate: { date: '2015-05-20', text: 'Drafted' },
      updates: 1,
    });
    expect(a9).toMatchObject({
      due: null,
      dueText: 'Ongoing',
      owners: [{ post: 'FCR', holders: ['Adele Vance'] }],
      effectiveRag: 'AMBER',
      reason: 'no update since 1 Apr 2015',
    });
  });

  it("lists every plan's actions, plan by plan, without --plan", async () => {
    await seedPlan(t.db, { key: 'AC-NCRS', actions: [{ ref: '1', text: 'Appoint a registrar', owners: ['FCR'] }] });
    const r = await cli('list', '--json');
    expect(r.code).toBe(0);
    expect(r.out.map((l) => JSON.parse(l)).map((a) => `${a.plan}-${a.action.ref}`)).toEqual([
      'AC-NCRS-1',
      'BTP-CDI-7',
      'BTP-CDI-9',
    ]);
  });

  it('explains what is missing or unknown', async () => {
    expect(await cli('list', '--plan', 'NOPE')).toMatchObject({ code: 1, err: ['no plan with key NOPE'] });
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toEqual(['unknown command "frobnicate"']);
    expect(unknown.out.join('\n')).toContain('list [--plan KEY] [--json]');
  });

  it('applies migrations on request', async () => {
    expect(await cli('db:migrate')).toMatchObject({ code: 0, out: ['database is up to date'] });
  });

  it('sets who verifies, who may accept risk and which actions need evidence, per plan', async () => {
    await seedPerson(t.db, { displayName: 'Megan Bowen', posts: ['Head of Internal Audit', 'Chief Constable'] });
    expect(await cli('plan', 'show', 'btp-cdi')).toMatchObject({
      code: 0,
      out: [
        `BTP-CDI: verifier none (admins, when the plan owner cannot); risk acceptor the plan owner; evidence needed for high-priority actions${DEFAULT_ESCALATION}`,
      ],
    });
    const set = await cli(
      'plan',
      'set',
      'BTP-CDI',
      '--verifier',
      'head of internal audit',
      '--risk-acceptor',
      'Chief Constable',
      '--evidence',
      'all',
    );
    expect(set).toMatchObject({
      code: 0,
      out: [
        `BTP-CDI: verifier Head of Internal Audit; risk acceptor Chief Constable; evidence needed for every action${DEFAULT_ESCALATION}`,
      ],
    });
    expect(await cli('plan', 'set', 'BTP-CDI', '--risk-acceptor', 'none')).toMatchObject({
      code: 0,
      out: [
        `BTP-CDI: verifier Head of Internal Audit; risk acceptor the plan owner; evidence needed for every action${DEFAULT_ESCALATION}`,
      ],
    });
    const windows = await cli('plan', 'set', 'BTP-CDI', '--escalate-after', 'high=3, low=60');
    expect(windows.out[0]).toMatch(
      /escalated to the plan owner when overdue by more than: high 3 days, medium 14 days, low 60 days;/,
    );
    const followUp = await cli('plan', 'set', 'BTP-CDI', '--verify-follow-up', 'high=2,low=10');
    expect(followUp.out[0]).toMatch(
      /completions followed up with whoever verifies after waiting: high 2 days, medium not followed up, low 10 days$/,
    );
    expect((await cli('plan', 'set', 'BTP-CDI', '--verify-follow-up', 'low=none')).out[0]).toMatch(
      /high 2 days, medium not followed up, low not followed up$/,
    );
    const policy = await t.db.prisma.plan.findUniqueOrThrow({
      where: { key: 'BTP-CDI' },
      select: { reminderPolicy: true },
    });
    expect(JSON.parse(policy.reminderPolicy!)).toEqual({
      escalateAfterDaysByPriority: { high: 3, low: 60 },
      verifyFollowUpDaysByPriority: { high: 2 },
    });
  });

  it('refuses an unknown post or evidence rule with the option named, changing nothing', async () => {
    const r = await cli('plan', 'set', 'BTP-CDI', '--verifier', 'Head of Audit', '--evidence', 'sometimes');
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['--evidence: Evidence is one of none, high, all']);
    expect((await cli('plan', 'set', 'BTP-CDI', '--escalate-after', 'urgent=1')).err).toEqual([
      '--escalate-after: Write each priority as high=7, medium=14 or low=30 (days, 0 to 365)',
    ]);
    expect((await cli('plan', 'set', 'BTP-CDI', '--verify-follow-up', 'high=none')).err).toEqual([
      '--verify-follow-up: Write each priority as high=7, medium=14 or low=30 (days, 1 to 365, or medium/low=none)',
    ]);
    const post = await cli('plan', 'set', 'BTP-CDI', '--verifier', 'Head of Audit');
    expect(post).toMatchObject({
      code: 1,
      err: ['--verifier: There is no post "Head of Audit". Did you mean: Head of Internal Audit?'],
    });
    expect(await cli('plan', 'set', 'NOPE', '--evidence', 'all')).toMatchObject({
      code: 1,
      err: ['KEY: There is no plan NOPE.'],
    });
    expect((await cli('plan', 'show', 'BTP-CDI')).out[0]).toContain('verifier Head of Internal Audit');
  });
});
