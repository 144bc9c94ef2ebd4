/**
 * Closing an action without implementing it, over HTTP: risk accepted only by the post with that
 * authority, with a reason and a future review date; superseded by the plan owner, with a reason and the
 * replacing action. Bad input and refused users get a message next to the field and nothing is saved.
 */
import {
  ALEX,
  MEGAN,
  STRANGER,
  cardAction,
  message,
  personalConversationId,
  type TestUser,
} from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedTeamsUser, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';
import { computeDigest } from '../../core/digest/compute';
import { exportPlan } from '../../core/export/export-plan';
import { setPlanSettings } from '../../core/plan-settings';
import { remindersJob } from '../../jobs/reminders';

const PAT: TestUser = { id: 'user-id-2', name: 'Pat Planner', aadObjectId: '00000000-0000-0000-0000-0000000000022' };
const CHLOE: TestUser = { id: 'user-id-3', name: 'Chloe Chief', aadObjectId: '00000000-0000-0000-0000-0000000000023' };

let bot: TestBot;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T08:14:00Z' });
  const core = bot.chaser.core;
  await seedPlan(core.db, {
    key: 'BTP-CDI',
    owner: 'Deputy Chief Constable',
    createdAt: '2015-01-01',
    actions: ['7', '8', '9', '10'].map((ref) => ({ ref, owners: ['Head of Offender Management'], due: '2015-06-30' })),
  });
  await seedTeamsUser(core.db, ALEX, ['Head of Offender Management']);
  await seedTeamsUser(core.db, PAT, ['Deputy Chief Constable']);
  await seedTeamsUser(core.db, CHLOE, ['Chief Constable']);
  await seedTeamsUser(core.db, MEGAN);
  expect(await setPlanSettings(core, 'operator', 'BTP-CDI', { riskAcceptor: 'Chief Constable' })).toMatchObject({
    ok: true,
  });
  for (const user of [ALEX, PAT, CHLOE]) await bot.post(message('hello', { serviceUrl: bot.connector.url, user }));
});
afterAll(() => bot.stop());

const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const plain = (x: unknown) => JSON.stringify(x).replace(/\\+/g, '');
const cardText = (res: { body: any }) => plain(res.body?.value?.body ?? res.body);
const action = (ref: string) => db().action.findFirstOrThrow({ where: { ref } });

/** Nothing about the action moved and no history was written. */
async function unchanged(ref: string) {
  const a = await action(ref);
  expect(a).toMatchObject({ status: 'open', outcome: null, version: 1 });
  expect(await db().update.count({ where: { actionId: a.id, kind: 'outcome' } })).toBe(0);
}

describe('risk accepted', () => {
  it('opens a valid form for the risk acceptor from the status card', async () => {
    const a = await action('7');
    const status = await bot.post(message('status of BTP-CDI-7', { serviceUrl: bot.connector.url, user: CHLOE }));
    expect(status.status).toBe(200);
    const form = await click(CHLOE, 'action.closeForm', { actionId: a.id });
    expect(cardText(form)).toContain('Accept the risk');
    expect(cardProblems(form.body.value)).toEqual([]);
  });

  it('is refused, next to the choice, for the plan owner when another post holds the authority, and for a stranger', async () => {
    const a = await action('7');
    const fields = {
      actionId: a.id,
      version: 1,
      outcome: 'risk_accepted',
      outcomeReason: 'Cost outweighs benefit',
      reviewDate: '2016-06-01',
    };
    expect(cardText(await click(PAT, 'action.close', fields))).toContain(
      'Only the Chief Constable or an admin can accept a risk on BTP-CDI',
    );
    expect(cardText(await click(STRANGER, 'action.close', fields))).toContain(
      'Only the Chief Constable or an admin can accept a risk',
    );
    expect(cardText(await click(MEGAN, 'action.closeForm', { actionId: a.id }))).toContain('Sorry, only');
    await unchanged('7');
  });

  it('needs a reason and a review date after today', async () => {
    const a = await action('7');
    const noReason = await click(CHLOE, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'risk_accepted',
      reviewDate: '2016-06-01',
    });
    expect(cardText(noReason)).toContain('Say why the risk is accepted');
    expect(cardProblems(noReason.body.value)).toEqual([]);
    const past = await click(CHLOE, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'risk_accepted',
      outcomeReason: 'Cost',
      reviewDate: '2015-05-01',
    });
    expect(cardText(past)).toContain('The review date must be after today');
    expect(plain(past.body.value)).toContain('"value":"Cost"'); // what was typed is kept
    const noDate = await click(CHLOE, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'risk_accepted',
      outcomeReason: 'Cost',
    });
    expect(cardText(noDate)).toContain('Pick the date the acceptance is reviewed');
    await unchanged('7');
  });

  it('closes the action as risk accepted, on record, not Green, and tells its owners', async () => {
    const a = await action('7');
    const res = await click(CHLOE, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'risk_accepted',
      outcomeReason: 'Cost outweighs benefit',
      reviewDate: '2016-06-01',
    });
    expect(cardText(res)).toContain('BTP-CDI-7 closed: risk accepted by Chloe Chief at 09:14');
    expect(cardText(res)).toContain('Risk accepted: Cost outweighs benefit — review on 1 Jun 2016');
    expect(cardText(res)).toContain('Risk accepted** — risk accepted, review due 1 Jun 2016');
    expect(cardProblems(res.body.value)).toEqual([]);
    const after = await action('7');
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'risk_accepted',
      outcomeReason: 'Cost outweighs benefit',
      version: 2,
    });
    expect(after.reviewDate?.toISOString().slice(0, 10)).toBe('2016-06-01');
    const row = await db().update.findFirstOrThrow({ where: { actionId: a.id, kind: 'outcome' } });
    expect(row).toMatchObject({ text: 'Cost outweighs benefit', authorName: 'Chloe Chief' });
    expect(JSON.parse(row.detail!)).toMatchObject({ reviewDate: '2016-06-01', reason: 'Cost outweighs benefit' });
    expect(JSON.parse(row.changes!)).toMatchObject({ status: ['open', 'closed'], outcome: [null, 'risk_accepted'] });
    const notice = await db().outboxMessage.findFirstOrThrow({
      where: { purpose: 'notice', idempotencyKey: { contains: 'notice:' } },
      include: { conversation: true },
    });
    expect(notice.conversation.conversationId).toBe(personalConversationId(ALEX));
    expect(plain(queuedActivity(notice))).toContain('closed: risk accepted');
  });
});

describe('superseded', () => {
  it('is refused for someone who is not the plan owner or an admin', async () => {
    const a = await action('8');
    const res = await click(ALEX, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'superseded',
      outcomeReason: 'Merged',
    });
    expect(cardText(res)).toContain('Only the plan owner or an admin can mark an action superseded');
    await unchanged('8');
  });

  it('needs a reason, and a replacing action that exists', async () => {
    const a = await action('8');
    expect(cardText(await click(PAT, 'action.close', { actionId: a.id, version: 1, outcome: 'superseded' }))).toContain(
      'Say why the action no longer applies',
    );
    const unknown = await click(PAT, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'superseded',
      outcomeReason: 'Merged',
      replacedBy: 'BTP-CDI-99',
    });
    expect(cardText(unknown)).toContain('There is no action BTP-CDI-99');
    await unchanged('8');
  });

  it('closes the action with the reason and the replacing action on record', async () => {
    const a = await action('8');
    const res = await click(PAT, 'action.close', {
      actionId: a.id,
      version: 1,
      outcome: 'superseded',
      outcomeReason: 'Merged into the new crime recording action',
      replacedBy: 'btp-cdi-9',
    });
    expect(cardText(res)).toContain('BTP-CDI-8 closed: superseded by Pat Planner');
    const after = await action('8');
    expect(after).toMatchObject({ status: 'closed', outcome: 'superseded', replacedById: (await action('9')).id });
    const row = await db().update.findFirstOrThrow({ where: { actionId: a.id, kind: 'outcome' } });
    expect(JSON.parse(row.detail!)).toMatchObject({
      replacedBy: 'BTP-CDI-9',
      reason: 'Merged into the new crime recording action',
    });
  });
});

describe('questions', () => {
  async function ask(text: string) {
    bot.connector.clear();
    await bot.post(message(text, { serviceUrl: bot.connector.url, user: MEGAN }));
    const sends = bot.connector.sends();
    expect(sends).toHaveLength(1);
    const card = sends[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    return plain(card);
  }

  it('answers what was closed as risk accepted, what was superseded, and what is awaiting verification', async () => {
    const accepted = await ask('what was closed as risk accepted?');
    expect(accepted).toContain('BTP-CDI-7');
    expect(accepted).not.toContain('BTP-CDI-8');
    const superseded = await ask('what was superseded?');
    expect(superseded).toContain('BTP-CDI-8');
    expect(superseded).not.toContain('BTP-CDI-7');
    const a = await action('10');
    await click(ALEX, 'action.update', { actionId: a.id, version: a.version, status: 'complete', note: 'Done' });
    const awaiting = await ask('what is awaiting verification?');
    expect(awaiting).toContain('BTP-CDI-10');
    expect(awaiting).not.toContain('BTP-CDI-7');
  });

  it('shows the outcome on the status card, not Green, and counts it apart in the summary', async () => {
    const status = await ask('status of BTP-CDI-7');
    expect(status).toContain('BTP-CDI-7 — Risk accepted');
    expect(status).toContain('Risk accepted: Cost outweighs benefit — review on 1 Jun 2016');
    expect(status).toContain('action.closeForm');
    const summary = await ask('how are we doing on BTP-CDI?');
    expect(summary).toMatch(/"title":"Risk accepted","value":"1"/);
    expect(summary).toMatch(/"title":"Superseded","value":"1"/);
  });
});

describe('digest and export', () => {
  it("puts the new acceptance in the digest's Risk accepted section and counts closures apart", async () => {
    const core = bot.chaser.core;
    const plan = await db().plan.findUniqueOrThrow({ where: { key: 'BTP-CDI' } });
    const board = await db().board.create({
      data: { key: 'ICB', name: 'Integrity and Compliance Board', plans: { create: { planId: plan.id } } },
    });
    const d = await computeDigest(core, board.id, core.now());
    expect(d.counts).toMatchObject({ RISK_ACCEPTED: 1, SUPERSEDED: 1 });
    const section = d.sections.find((s) => s.key === 'riskAccepted');
    expect(section?.rows).toMatchObject([
      {
        ref: 'BTP-CDI-7',
        text: 'Action 7',
        detail: 'accepted by Chloe Chief 1 Jun 2015 · review 1 Jun 2016 · Cost outweighs benefit',
      },
    ]);
    // On its review date it is listed again, as due for review.
    const later = await computeDigest(core, board.id, new Date('2016-06-06T08:00:00Z'));
    expect(later.sections.find((s) => s.key === 'riskAccepted')?.rows[0].detail).toBe(
      'review due since 1 Jun 2016 · Cost outweighs benefit',
    );
  });

  it('exports the outcome, in words, with the reason, review date and replacing action', async () => {
    const csv = (await exportPlan(bot.chaser.core, 'BTP-CDI', 'csv'))!.toString('utf8');
    expect(csv).toContain('RAG Status,Outcome,Evidence');
    expect(csv).toContain('Closed,Risk accepted,Risk accepted: Cost outweighs benefit (review 1 Jun 2016),');
    expect(csv).toContain('Closed,Superseded,Superseded by BTP-CDI-9: Merged into the new crime recording action,');
  });
});

describe('review of an accepted risk', () => {
  const deps = () => ({ core: bot.chaser.core, config: bot.chaser.config, instanceId: 'test', log: bot.chaser.log });
  const reviewCards = () =>
    db().outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: 'risk-review:' } },
      include: { conversation: true },
    });

  it('comes back to the risk acceptor on its review date, once', async () => {
    await remindersJob.run(deps());
    expect(await reviewCards()).toEqual([]);
    bot.clock.set('2016-06-01T10:00:00Z');
    await remindersJob.run(deps());
    await remindersJob.run(deps());
    const cards = await reviewCards();
    expect(cards.map((c) => c.conversation.conversationId)).toEqual([personalConversationId(CHLOE)]);
    const card = queuedActivity(cards[0]).attachments[0].content;
    expect(plain(card)).toContain('The accepted risk on BTP-CDI-7 is due for review');
    expect(card.body.find((e: any) => e.id === 'outcome').choices.map((c: any) => c.value)).toEqual([
      'extend_review',
      'reopen',
    ]);
    expect(cardProblems(card)).toEqual([]);
  });

  it('extends the acceptance to a later review date, refusing one in the past and anyone without the authority', async () => {
    const a = await action('7');
    const fields = { actionId: a.id, version: a.version, outcome: 'extend_review', outcomeReason: 'Still too costly' };
    expect(cardText(await click(CHLOE, 'action.close', { ...fields, reviewDate: '2016-05-01' }))).toContain(
      'The review date must be after today',
    );
    expect(cardText(await click(PAT, 'action.close', { ...fields, reviewDate: '2017-06-01' }))).toContain(
      'Only the Chief Constable or an admin',
    );
    expect((await action('7')).version).toBe(a.version);
    const res = await click(CHLOE, 'action.close', { ...fields, reviewDate: '2017-06-01' });
    expect(cardText(res)).toContain('review on 1 Jun 2017');
    expect((await action('7')).reviewDate?.toISOString().slice(0, 10)).toBe('2017-06-01');
  });

  it('reopens the action, which is open and rated again', async () => {
    const a = await action('7');
    const res = await click(CHLOE, 'action.close', {
      actionId: a.id,
      version: a.version,
      outcome: 'reopen',
      outcomeReason: 'Funding found',
    });
    expect(cardText(res)).toContain('BTP-CDI-7 reopened by Chloe Chief');
    expect(await action('7')).toMatchObject({ status: 'open', outcome: null, reviewDate: null });
    const rows = await db().update.findMany({ where: { actionId: a.id, kind: 'outcome' }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => JSON.parse(r.changes!).status ?? null)).toEqual([
      ['open', 'closed'],
      null,
      ['closed', 'open'],
    ]);
  });
});
