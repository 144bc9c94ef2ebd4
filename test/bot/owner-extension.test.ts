/** Due-date extension requests end to end: owner asks on the update card, the plan owner decides, the requester hears back. */
import { ALEX, STRANGER, cardAction, message, personalConversationId, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';

const PAT: TestUser = { id: 'user-id-2', name: 'Pat Planner', aadObjectId: '00000000-0000-0000-0000-0000000000022' };

let bot: TestBot;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T08:14:00Z' });
  await seedPlan(bot.chaser.core.db, {
    key: 'BTP-CDI',
    owner: 'Deputy Chief Constable',
    actions: [
      { ref: '7', owners: ['Head of Offender Management'], due: '2015-06-30', dueText: 'Jun 15' },
      { ref: '8', owners: ['Head of Offender Management'], due: '2015-07-31', dueText: 'Jul 15' },
    ],
  });
  await seedPerson(bot.chaser.core.db, {
    displayName: ALEX.name,
    teamsUserId: ALEX.id,
    aadObjectId: ALEX.aadObjectId,
    posts: ['Head of Offender Management'],
  });
  await seedPerson(bot.chaser.core.db, {
    displayName: PAT.name,
    teamsUserId: PAT.id,
    aadObjectId: PAT.aadObjectId,
    posts: ['Deputy Chief Constable'],
  });
  for (const user of [PAT, ALEX]) await bot.post(message('hello', { serviceUrl: bot.connector.url, user }));
});
afterAll(() => bot.stop());

const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const cardText = (res: { body: any }) => JSON.stringify(res.body?.value?.body ?? res.body);

/** Alex asks for a new date on the update card; returns the approval card the outbox holds for Pat. */
async function requestExtension(ref: string, date: string) {
  const action = await db().action.findFirstOrThrow({ where: { ref } });
  const res = await click(ALEX, 'action.update', {
    actionId: action.id,
    version: action.version,
    status: 'AMBER',
    note: 'Vendor late',
    newDueDate: date,
    dueReason: 'Supplier slipped a month',
  });
  expect(cardText(res)).toContain('Asked the plan owner to approve moving the due date');
  const row = await db().outboxMessage.findFirstOrThrow({
    where: { purpose: 'approval', idempotencyKey: { contains: 'extension' } },
    orderBy: { createdAt: 'desc' },
    include: { conversation: true },
  });
  expect(row.conversation.conversationId).toBe(personalConversationId(PAT));
  const card = queuedActivity(row).attachments[0].content;
  return { action, card, requestId: card.actions[0].data.requestId as string };
}

it('an approved request moves the due date, keeps the old one in history and tells the requester', async () => {
  const { action, card, requestId } = await requestExtension('7', '2015-07-31');
  expect(JSON.stringify(card.body)).toContain('Supplier slipped a month');
  expect(card.actions.map((a: any) => [a.verb, a.data.decision])).toEqual([
    ['extension.decide', 'approve'],
    ['extension.decide', 'reject'],
  ]);
  expect(await db().extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
    status: 'pending',
    reason: 'Supplier slipped a month',
  });
  expect(cardText(await click(STRANGER, 'extension.decide', { requestId, decision: 'approve' }))).toContain(
    'Sorry, only',
  );

  const res = await click(PAT, 'extension.decide', { requestId, decision: 'approve', comment: 'Fine' });
  expect(cardText(res)).toContain('Pat Planner at 09:14 approved moving the due date to 31 Jul 2015');
  const after = await db().action.findUniqueOrThrow({ where: { id: action.id } });
  expect(after.dueDate?.toISOString().slice(0, 10)).toBe('2015-07-31');
  expect(after).toMatchObject({ dueText: '31 Jul 2015', duePrecision: 'day' });
  const history = await db().update.findFirstOrThrow({ where: { actionId: action.id, kind: 'due' } });
  expect(JSON.parse(history.changes!)).toMatchObject({
    dueDate: ['2015-06-30', '2015-07-31'],
    dueText: ['Jun 15', '31 Jul 2015'],
  });
  const notice = await db().outboxMessage.findFirstOrThrow({
    where: { purpose: 'notice' },
    include: { conversation: true },
  });
  expect(notice.conversation.conversationId).toBe(personalConversationId(ALEX));
  expect(notice.activity).toContain('approved moving the due date');

  // Clicking again (or Reject afterwards) shows the decision and changes nothing.
  expect(cardText(await click(PAT, 'extension.decide', { requestId, decision: 'reject', comment: 'no' }))).toContain(
    'approved',
  );
  expect(await db().update.count({ where: { actionId: action.id, kind: 'due' } })).toBe(1);
});

it('a rejection needs a comment, leaves the due date alone and tells the requester why', async () => {
  const { action, requestId } = await requestExtension('8', '2015-09-30');
  const invalid = await click(PAT, 'extension.decide', { requestId, decision: 'reject' });
  expect(cardText(invalid)).toContain('Add a comment saying why you reject it');
  expect(JSON.stringify(invalid.body.value.actions)).toContain(requestId);

  const res = await click(PAT, 'extension.decide', {
    requestId,
    decision: 'reject',
    comment: 'Board wants it by July',
  });
  expect(cardText(res)).toContain('rejected moving the due date to 30 Sep 2015');
  const after = await db().action.findUniqueOrThrow({ where: { id: action.id } });
  expect(after.dueDate?.toISOString().slice(0, 10)).toBe('2015-07-31');
  expect(await db().extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
    status: 'rejected',
    comment: 'Board wants it by July',
  });
  const notice = await db().outboxMessage.findFirstOrThrow({
    where: { purpose: 'notice', idempotencyKey: { contains: requestId } },
  });
  expect(notice.activity).toContain('Board wants it by July');
});
