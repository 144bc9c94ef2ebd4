/** The update card over HTTP: a card answer updates the action and its history and returns the refreshed card. */
import {
  ALEX,
  MEGAN,
  STRANGER,
  cardAction,
  message,
  personalConversationId,
  type TestUser,
} from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';

const PAT: TestUser = { id: 'user-id-2', name: 'Pat Planner', aadObjectId: '00000000-0000-0000-0000-0000000000022' };

let bot: TestBot;
let actionId: string;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T08:14:00Z' });
  const core = bot.chaser.core.db;
  await seedPlan(core, {
    key: 'BTP-CDI',
    title: 'Crime data integrity',
    owner: 'Deputy Chief Constable',
    actions: [
      {
        ref: '7',
        text: 'Issue rape transfer guidance',
        owners: ['Head of Offender Management'],
        due: '2015-09-30',
        dueText: 'Sep 15',
        updates: [{ at: '2015-05-20', text: 'Drafted' }],
      },
      { ref: '8', text: 'Audit incident closures', owners: ['Head of Offender Management'], due: '2015-09-30' },
    ],
  });
  for (const [u, posts] of [
    [ALEX, ['Head of Offender Management']],
    [MEGAN, ['Head of Offender Management']],
    [PAT, ['Deputy Chief Constable']],
    [STRANGER, []],
  ] as const) {
    await seedPerson(core, { displayName: u.name, teamsUserId: u.id, aadObjectId: u.aadObjectId, posts: [...posts] });
  }
  // The plan owner has talked to the bot, so the outbox can reach their personal chat.
  await bot.post(message('hello', { serviceUrl: bot.connector.url, user: PAT }));
  actionId = (await db().action.findFirstOrThrow({ where: { ref: '7' } })).id;
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const cardText = (res: { body: any }) => JSON.stringify(res.body?.value?.body ?? res.body);
const versionOf = async (id: string) => (await db().action.findUniqueOrThrow({ where: { id } })).version;

describe('owner updates an action from the card', () => {
  it('opens the update card with the action, its due date as written and as a date, RAG and last update', async () => {
    const res = await click(ALEX, 'action.open', { actionId });
    expect(res.status).toBe(200);
    const text = cardText(res);
    expect(text).toContain('Issue rape transfer guidance');
    expect(text).toContain('30 Sep 2015 \\\\(Sep 15\\\\)');
    expect(text).toContain('Crime data integrity');
    expect(text).toContain('test, 20 May 2015: Drafted');
    expect(res.body.value.actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'action.update',
      data: { actionId, version: 1 },
    });
    expect(res.body.value.body.map((b: any) => b.id).filter(Boolean)).toEqual([
      'status',
      'note',
      'newDueDate',
      'dueReason',
      'evidenceUrl',
      'evidenceTitle',
    ]);
  });

  it('records an Amber update, replaces the card for everyone and shows who, when and the new RAG', async () => {
    const version = await versionOf(actionId);
    const res = await click(ALEX, 'action.update', {
      actionId,
      version,
      status: 'AMBER',
      note: 'Waiting on legal sign-off',
    });
    expect(cardText(res)).toContain('updated by Alex Wilber at 09:14 on 1 Jun 2015 (Europe/London) — now Amber');
    expect(cardText(res)).toContain('Waiting on legal sign\\\\-off');
    const action = await db().action.findUniqueOrThrow({ where: { id: actionId } });
    expect(action).toMatchObject({ reportedRag: 'AMBER', version: version + 1, status: 'open' });
    expect(action.lastUpdateAt?.toISOString()).toBe('2015-06-01T08:14:00.000Z');
    const updates = await db().update.findMany({ where: { actionId }, orderBy: { at: 'asc' } });
    expect(updates.map((u) => u.text)).toEqual(['Drafted', 'Waiting on legal sign-off']);
    expect(JSON.parse(updates[1].changes!)).toEqual({ reportedRag: [null, 'AMBER'] });
    expect(updates[1]).toMatchObject({ kind: 'progress', rag: 'AMBER', authorName: 'Alex Wilber' });
    const [updated] = bot.connector.updates();
    expect(updated.activityId).toBe('act-card');
    expect(JSON.stringify(updated.activity)).toContain('now Amber');
  });

  it('re-shows the card with the message next to the note, keeps the inputs and saves nothing when Red has no note', async () => {
    const version = await versionOf(actionId);
    const res = await click(ALEX, 'action.update', {
      actionId,
      version,
      status: 'RED',
      note: '  ',
      dueReason: 'kept text',
    });
    const body = res.body.value.body as any[];
    const note = body.findIndex((b) => b.id === 'note');
    expect(body[note + 1].text).toContain('Add a note: it is needed for Off track \\(Red\\)');
    expect(body.find((b) => b.id === 'status').value).toBe('RED');
    expect(body.find((b) => b.id === 'dueReason').value).toBe('kept text');
    expect(await versionOf(actionId)).toBe(version);
    expect(bot.connector.updates()).toHaveLength(0);
  });

  it('rejects a date that is not real or not in the future, next to the date field', async () => {
    const version = await versionOf(actionId);
    for (const [date, msg] of [
      ['2015-02-30', 'not a real date'],
      ['2015-05-01', 'must be after today'],
      ['next week', 'Pick a date'],
    ]) {
      const res = await click(ALEX, 'action.update', {
        actionId,
        version,
        status: 'GREEN',
        note: 'x',
        newDueDate: date,
        dueReason: 'staff',
      });
      const body = res.body.value.body as any[];
      const at = body.findIndex((b) => b.id === 'newDueDate');
      expect(body[at + 1].text).toContain(msg);
      expect(body[at].value).toBe(date);
    }
    expect(await versionOf(actionId)).toBe(version);
  });

  it('politely refuses a stranger and changes nothing', async () => {
    const before = await db().update.count();
    const res = await click(STRANGER, 'action.update', {
      actionId,
      version: await versionOf(actionId),
      status: 'GREEN',
    });
    expect(cardText(res)).toContain(
      "Sorry, only the action's owners, their delegates, the plan owner and admins can update",
    );
    expect(await db().update.count()).toBe(before);
    expect(cardText(await click(STRANGER, 'action.open', { actionId }))).toContain('Sorry, only');
  });

  it('records a double click (or a Teams retry) once', async () => {
    const data = { actionId, version: await versionOf(actionId), status: 'GREEN', note: 'Back on plan' };
    const before = await db().update.count({ where: { actionId } });
    const [a, b] = await Promise.all([click(ALEX, 'action.update', data), click(ALEX, 'action.update', data)]);
    const c = await click(ALEX, 'action.update', data);
    for (const r of [a, b, c])
      expect(cardText(r)).toContain('updated by Alex Wilber at 09:14 on 1 Jun 2015 (Europe/London) — now Green');
    expect(await db().update.count({ where: { actionId } })).toBe(before + 1);
  });

  it('tells the second of two owners updating at once that it changed since they opened it, with the new state', async () => {
    const version = await versionOf(actionId);
    const first = await click(ALEX, 'action.update', { actionId, version, status: 'RED', note: 'Legal said no' });
    expect(cardText(first)).toContain('now Red');
    const second = await click(MEGAN, 'action.update', { actionId, version, status: 'GREEN', note: 'All fine' });
    const text = cardText(second);
    expect(text).toContain('This changed since you opened it');
    expect(text).toContain('Alex Wilber, 1 Jun 2015: Legal said no');
    expect(second.body.value.body.find((b: any) => b.id === 'note').value).toBe('All fine');
    expect(JSON.stringify(second.body.value.actions)).toContain(`"version":${version + 1}`);
    expect((await db().action.findUniqueOrThrow({ where: { id: actionId } })).reportedRag).toBe('RED');
  });

  it('lets exactly one of two simultaneous updates win', async () => {
    const version = await versionOf(actionId);
    const results = await Promise.all([
      click(ALEX, 'action.update', { actionId, version, status: 'AMBER', note: 'Alex here' }),
      click(MEGAN, 'action.update', { actionId, version, status: 'GREEN', note: 'Megan here' }),
    ]);
    const texts = results.map(cardText);
    expect(texts.filter((t) => t.includes(' updated by '))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('This changed since you opened it'))).toHaveLength(1);
    expect(await versionOf(actionId)).toBe(version + 1);
  });
});

describe('completing and verifying', () => {
  let id: string;
  beforeAll(async () => {
    id = (await db().action.findFirstOrThrow({ where: { ref: '8' } })).id;
  });

  it('needs a note to complete, then awaits verification and sends the plan owner a Verify / Reopen card', async () => {
    const invalid = await click(ALEX, 'action.update', { actionId: id, version: 1, status: 'complete' });
    expect(cardText(invalid)).toContain('needed for Complete');
    const res = await click(ALEX, 'action.update', {
      actionId: id,
      version: 1,
      status: 'complete',
      note: 'Audit done, report attached',
    });
    expect(cardText(res)).toContain('now complete, awaiting verification by the plan owner');
    expect(await db().action.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'awaiting_verification',
      version: 2,
    });
    const out = await db().outboxMessage.findMany({ where: { purpose: 'approval' }, include: { conversation: true } });
    expect(out).toHaveLength(1);
    expect(out[0].conversation.conversationId).toBe(personalConversationId(PAT));
    const card = queuedActivity(out[0]).attachments[0].content;
    expect(JSON.stringify(card)).toContain('Audit done, report attached');
    expect(card.actions.map((a: any) => [a.verb, a.data.decision, a.data.version])).toEqual([
      ['action.verify', 'verify', 2],
      ['action.verify', 'reopen', 2],
      ['action.closeForm', undefined, undefined],
    ]);
  });

  it('lets only the plan owner decide, and Reopen needs a comment', async () => {
    expect(cardText(await click(ALEX, 'action.verify', { actionId: id, version: 2, decision: 'verify' }))).toContain(
      'Sorry, only',
    );
    const res = await click(PAT, 'action.verify', { actionId: id, version: 2, decision: 'reopen', comment: '' });
    expect(cardText(res)).toContain('Add a comment saying what is still missing');
    expect((await db().action.findUniqueOrThrow({ where: { id } })).status).toBe('awaiting_verification');
  });

  it('reopens with the comment in history and tells the owners', async () => {
    const res = await click(PAT, 'action.verify', {
      actionId: id,
      version: 2,
      decision: 'reopen',
      comment: 'No evidence attached',
    });
    expect(cardText(res)).toContain('BTP\\\\-CDI\\\\-8 reopened by Pat Planner at 09:14');
    expect(await db().action.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'open',
      completedAt: null,
      version: 3,
    });
    const u = await db().update.findFirstOrThrow({ where: { actionId: id, kind: 'verification' } });
    expect(u).toMatchObject({ text: 'No evidence attached', authorName: 'Pat Planner' });
    const notices = await db().outboxMessage.findMany({
      where: { purpose: 'notice' },
      include: { conversation: true },
    });
    expect(notices.map((n) => n.conversation.conversationId).sort()).toEqual([
      personalConversationId(ALEX),
      personalConversationId(MEGAN),
    ]);
    expect(notices[0].activity).toContain('No evidence attached');
    // A second click on the old card changes nothing and shows what happened.
    expect(cardText(await click(PAT, 'action.verify', { actionId: id, version: 2, decision: 'verify' }))).toContain(
      'reopened by Pat Planner',
    );
    expect(await db().update.count({ where: { actionId: id, kind: 'verification' } })).toBe(1);
  });

  it('verifies a completion: status complete with who and when', async () => {
    await click(ALEX, 'action.update', { actionId: id, version: 3, status: 'complete', note: 'Evidence attached now' });
    const res = await click(PAT, 'action.verify', { actionId: id, version: 4, decision: 'verify' });
    expect(cardText(res)).toContain('verified by Pat Planner');
    const pat = await db().person.findFirstOrThrow({ where: { teamsUserId: PAT.id } });
    const action = await db().action.findUniqueOrThrow({ where: { id } });
    expect(action).toMatchObject({ status: 'complete', verifiedById: pat.id });
    expect(action.verifiedAt?.toISOString()).toBe('2015-06-01T08:14:00.000Z');
  });
});
