/**
 * Separation of duties over HTTP: an owner who also holds the plan owner post cannot verify their own
 * completion or approve their own new date; both go to the plan's verifier post, else to an admin, and
 * the cards say why.
 */
import { ALEX, MEGAN, cardAction, message, personalConversationId, type TestUser } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';
import { setPlanSettings } from '../../core/plan-settings';

const ADA: TestUser = { id: 'user-id-5', name: 'Ada Admin', aadObjectId: '00000000-0000-0000-0000-0000000000055' };

let bot: TestBot;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T08:14:00Z' });
  const core = bot.chaser.core;
  for (const key of ['BTP-CDI', 'NCRS']) {
    await seedPlan(core.db, {
      key,
      owner: 'Deputy Chief Constable',
      actions: [
        { ref: '7', owners: ['Deputy Chief Constable'], due: '2015-06-30' },
        { ref: '8', owners: ['Deputy Chief Constable'], due: '2015-07-31' },
      ],
    });
  }
  await seedPerson(core.db, {
    displayName: ALEX.name,
    teamsUserId: ALEX.id,
    aadObjectId: ALEX.aadObjectId,
    posts: ['Deputy Chief Constable'],
  });
  await seedPerson(core.db, {
    displayName: MEGAN.name,
    teamsUserId: MEGAN.id,
    aadObjectId: MEGAN.aadObjectId,
    posts: ['Head of Audit'],
  });
  await seedPerson(core.db, {
    displayName: ADA.name,
    teamsUserId: ADA.id,
    aadObjectId: ADA.aadObjectId,
    role: 'admin',
  });
  expect(await setPlanSettings(core, 'operator', 'BTP-CDI', { verifier: 'head of audit' })).toMatchObject({ ok: true });
  for (const user of [ALEX, MEGAN, ADA]) await bot.post(message('hello', { serviceUrl: bot.connector.url, user }));
});
afterAll(() => bot.stop());

const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const cardOf = (res: { body: any }) => res.body.value;
/** The card's text with Markdown escapes removed, as a reader sees it. */
const plain = (x: unknown) => JSON.stringify(x).replace(/\\+/g, '');
const cardText = (res: { body: any }) => plain(res.body?.value?.body ?? res.body);
const action = (plan: string, ref: string) => db().action.findFirstOrThrow({ where: { ref, plan: { key: plan } } });

async function lastApproval(contains: string) {
  const row = await db().outboxMessage.findFirstOrThrow({
    where: { purpose: 'approval', idempotencyKey: { contains } },
    orderBy: { createdAt: 'desc' },
    include: { conversation: true },
  });
  return { to: row.conversation.conversationId, card: queuedActivity(row).attachments[0].content };
}

it("the plan owner's own completion goes to the verifier post, who verifies it; the completer cannot", async () => {
  const a = await action('BTP-CDI', '7');
  const done = await click(ALEX, 'action.update', {
    actionId: a.id,
    version: a.version,
    status: 'complete',
    note: 'Policy published',
  });
  expect(cardText(done)).toContain('You completed this action, so Megan Bowen (Head of Audit) verifies it.');
  expect(cardProblems(cardOf(done))).toEqual([]);
  expect(await db().action.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
    status: 'awaiting_verification',
    completedById: expect.any(String),
  });

  const { to, card } = await lastApproval(`verify:${a.id}`);
  expect(to).toBe(personalConversationId(MEGAN));
  expect(plain(card.body)).toContain(
    'Alex Wilber completed it and may not decide their own request, so it comes to you as Head of Audit',
  );
  expect(
    await db().outboxMessage.count({
      where: { purpose: 'approval', conversation: { conversationId: personalConversationId(ALEX) } },
    }),
  ).toBe(0);

  const own = await click(ALEX, 'action.verify', { actionId: a.id, version: a.version + 1, decision: 'verify' });
  expect(cardText(own)).toContain(
    'You completed BTP-CDI-7, so you cannot verify it: Megan Bowen (Head of Audit) verifies it. Nothing was changed.',
  );
  expect(cardProblems(cardOf(own))).toEqual([]);
  expect(await db().action.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
    status: 'awaiting_verification',
    verifiedById: null,
  });

  const verified = await click(MEGAN, 'action.verify', { actionId: a.id, version: a.version + 1, decision: 'verify' });
  expect(cardText(verified)).toContain('BTP-CDI-7 verified by Megan Bowen');
  expect(await db().action.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
    status: 'complete',
    outcome: 'implemented',
  });
});

it("the plan owner's own request for a new date goes to the verifier post; the requester cannot approve it", async () => {
  const a = await action('BTP-CDI', '8');
  const asked = await click(ALEX, 'action.update', {
    actionId: a.id,
    version: a.version,
    status: 'AMBER',
    note: 'Vendor late',
    newDueDate: '2015-09-30',
    dueReason: 'Supplier slipped',
  });
  expect(cardText(asked)).toContain('You asked for the new date, so Megan Bowen (Head of Audit) decides it.');
  const { to, card } = await lastApproval('extension');
  expect(to).toBe(personalConversationId(MEGAN));
  const requestId = card.actions[0].data.requestId as string;

  const own = await click(ALEX, 'extension.decide', { requestId, decision: 'approve' });
  expect(cardText(own)).toContain(
    'You asked for this new date, so you cannot decide it: Megan Bowen (Head of Audit) decides it.',
  );
  expect(await db().extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
    status: 'pending',
  });
  expect((await db().action.findUniqueOrThrow({ where: { id: a.id } })).dueDate?.toISOString().slice(0, 10)).toBe(
    '2015-07-31',
  );

  expect(cardText(await click(MEGAN, 'extension.decide', { requestId, decision: 'approve' }))).toContain(
    'approved moving the due date to 30 Sep 2015',
  );
});

it('with no verifier set, the completion goes to an admin, and the card names them', async () => {
  const a = await action('NCRS', '7');
  const done = await click(ALEX, 'action.update', {
    actionId: a.id,
    version: a.version,
    status: 'complete',
    note: 'Done',
  });
  expect(cardText(done)).toContain('You completed this action, so an admin (Ada Admin) verifies it.');
  const { to } = await lastApproval(`verify:${a.id}`);
  expect(to).toBe(personalConversationId(ADA));
  // The verifier of another plan has no say here.
  expect(
    cardText(await click(MEGAN, 'action.verify', { actionId: a.id, version: a.version + 1, decision: 'verify' })),
  ).toContain('Sorry, only');
  expect(
    cardText(await click(ADA, 'action.verify', { actionId: a.id, version: a.version + 1, decision: 'verify' })),
  ).toContain('verified by Ada Admin');
});

it('lets an admin, and only an admin, set the verifier and the risk acceptor in chat', async () => {
  const say = async (user: TestUser, text: string) => {
    bot.connector.clear();
    await bot.post(message(text, { serviceUrl: bot.connector.url, user }));
    return bot.connector.sends().at(-1)!.activity.text as string;
  };
  expect(await say(MEGAN, 'plan NCRS verifier Head of Audit')).toBe(
    'Only admins can set who verifies and who may accept risk.',
  );
  expect(await db().plan.findUniqueOrThrow({ where: { key: 'NCRS' } })).toMatchObject({ verifierPostId: null });
  expect(await say(ADA, 'plan NCRS verifier Head of Audi')).toContain(
    'There is no post "Head of Audi". Did you mean: Head of Audit?',
  );
  expect(await say(ADA, 'plan ncrs verifier head of audit')).toBe(
    'NCRS: the Head of Audit verifies when the plan owner cannot; the plan owner may accept risk; evidence is needed for high-priority actions.',
  );
  expect(await say(ADA, 'plan NCRS risk acceptor Deputy Chief Constable')).toContain(
    'the Deputy Chief Constable may accept risk',
  );
});

it('a verifier who also holds the owner post gets one card, the answered one, and the completer the notice', async () => {
  const BEN: TestUser = { id: 'user-id-6', name: 'Ben Deputy', aadObjectId: '00000000-0000-0000-0000-0000000000066' };
  await seedPerson(bot.chaser.core.db, {
    displayName: BEN.name,
    teamsUserId: BEN.id,
    aadObjectId: BEN.aadObjectId,
    posts: ['Deputy Chief Constable'],
  });
  await bot.post(message('hello', { serviceUrl: bot.connector.url, user: BEN }));
  const a = await action('NCRS', '8');
  await click(ALEX, 'action.update', { actionId: a.id, version: a.version, status: 'complete', note: 'Done' });
  expect((await lastApproval(`verify:${a.id}`)).to).toBe(personalConversationId(BEN));

  const verified = await click(BEN, 'action.verify', { actionId: a.id, version: a.version + 1, decision: 'verify' });
  expect(cardText(verified)).toContain('verified by Ben Deputy');
  const notices = await db().outboxMessage.findMany({
    where: { purpose: 'notice', idempotencyKey: { contains: a.id } },
    include: { conversation: true },
  });
  expect(notices.map((n) => n.conversation.conversationId)).toEqual([personalConversationId(ALEX)]);
});
