/**
 * High priority is followed up to verification, over HTTP: a completion that waits past its window
 * comes back to whoever verifies it (never the completer) at their reminder time on a working day, once
 * per occasion, weekly until it is verified; priorities the plan does not name are left to the plan owner.
 */
import { ALEX, MEGAN, cardAction, message, personalConversationId, type TestUser } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';
import { setPlanSettings } from '../../core/plan-settings';
import { remindersJob } from '../../jobs/reminders';
import { queueVerificationFollowUps } from '../../core/actions/verification-follow-up';
import { ownerLoopMessages } from '../../cards/owner-loop-messages';

const PAT: TestUser = { id: 'user-id-2', name: 'Pat Planner', aadObjectId: '00000000-0000-0000-0000-0000000000022' };

let bot: TestBot;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  // Monday 1 June 2015, before the 09:00 reminder time.
  bot = await startTestBot({ now: '2015-06-01T07:30:00Z' });
  const core = bot.chaser.core;
  await seedPlan(core.db, {
    key: 'BTP-CDI',
    owner: 'Deputy Chief Constable',
    actions: [
      { ref: '7', owners: ['Head of Offender Management'], due: '2015-06-30', priority: 'high' },
      { ref: '8', owners: ['Head of Offender Management'], due: '2015-06-30', priority: 'medium' },
      { ref: '9', owners: ['Deputy Chief Constable'], due: '2015-06-30', priority: 'high' },
    ],
  });
  await seedPerson(core.db, { ...person(ALEX), posts: ['Head of Offender Management'] });
  await seedPerson(core.db, { ...person(PAT), posts: ['Deputy Chief Constable'] });
  await seedPerson(core.db, { ...person(MEGAN), posts: ['Head of Audit'] });
  expect(await setPlanSettings(core, 'operator', 'BTP-CDI', { verifier: 'Head of Audit' })).toMatchObject({ ok: true });
  for (const user of [ALEX, PAT, MEGAN]) await bot.post(message('hello', { serviceUrl: bot.connector.url, user }));
  for (const [user, ref] of [
    [ALEX, '7'],
    [ALEX, '8'],
    [PAT, '9'],
  ] as const) {
    const a = await action(ref);
    const res = await click(user, 'action.update', {
      actionId: a.id,
      version: a.version,
      status: 'complete',
      note: `Done ${ref}`,
      evidenceUrl: `https://contoso.sharepoint.com/sites/cdi/${ref}.docx`,
      evidenceTitle: `Policy ${ref}`,
    });
    expect(res.status).toBe(200);
    expect((await action(ref)).status).toBe('awaiting_verification');
  }
});
afterAll(() => bot.stop());

function person(u: TestUser) {
  return { displayName: u.name, teamsUserId: u.id, aadObjectId: u.aadObjectId };
}
const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const action = (ref: string) => db().action.findFirstOrThrow({ where: { ref } });
const plain = (x: unknown) => JSON.stringify(x).replace(/\\+/g, '');
const sweep = () =>
  remindersJob.run({ core: bot.chaser.core, config: bot.chaser.config, instanceId: 'test', log: bot.chaser.log });

/** Follow-ups queued so far: to whom, about which ref, in the order queued. */
async function followUps() {
  const rows = await db().outboxMessage.findMany({
    where: { idempotencyKey: { startsWith: 'verify-follow-up:' } },
    orderBy: { createdAt: 'asc' },
    include: { conversation: true },
  });
  const refs = new Map((await db().action.findMany()).map((a) => [a.id, a.ref]));
  return rows.map((r) => ({
    to: r.conversation.conversationId,
    ref: refs.get(r.idempotencyKey.split(':')[1]),
    activity: queuedActivity(r),
  }));
}
const who = async () => (await followUps()).map((f) => `${f.ref} → ${f.to}`);

it('waits out the window, then reaches whoever verifies at their reminder time on a working day, once', async () => {
  bot.clock.set('2015-06-05T10:00:00Z'); // Friday: four days waiting
  await sweep();
  expect(await followUps()).toEqual([]);

  bot.clock.set('2015-06-06T10:00:00Z'); // Saturday: owed, but not a working day
  await sweep();
  expect(await followUps()).toEqual([]);

  bot.clock.set('2015-06-08T07:00:00Z'); // Monday, before 09:00 London
  await sweep();
  expect(await followUps()).toEqual([]);

  bot.clock.set('2015-06-08T08:05:00Z'); // 09:05 London
  await sweep();
  // Sent already: a later sweep builds nothing and queues nothing.
  expect(
    await queueVerificationFollowUps(bot.chaser.core, { reminderTime: '09:00' }, ownerLoopMessages.verificationRequest),
  ).toBe(0);
  // 7 to the plan owner; 9, completed by the plan owner himself, to the verifier post; 8 (medium) to nobody.
  expect(await who()).toEqual([`7 → ${personalConversationId(PAT)}`, `9 → ${personalConversationId(MEGAN)}`]);

  const [seven, nine] = await followUps();
  expect(seven.activity.summary).toBe('BTP-CDI-7 still awaits your verification');
  const card = seven.activity.attachments[0].content;
  expect(plain(card.body)).toContain(
    'Still awaiting verification: completed 1 Jun 2015, 7 days ago. Chaser follows high-priority actions up until they are verified.',
  );
  expect(plain(card.body)).toContain('Their note: Done 7');
  expect(plain(card.body)).toContain('Policy 7');
  expect(card.actions.map((a: any) => a.title)).toEqual(expect.arrayContaining(['Verify', 'Reopen']));
  expect(cardProblems(card)).toEqual([]);
  expect(plain(nine.activity.attachments[0].content.body)).toContain(
    'Pat Planner completed it and may not decide their own request, so it comes to you as Head of Audit',
  );
});

it('comes back every week until verified, and stops once it is', async () => {
  bot.clock.set('2015-06-15T08:05:00Z'); // the next Monday: a week after the first follow-up
  await sweep();
  expect((await who()).slice(2)).toEqual([
    `7 → ${personalConversationId(PAT)}`,
    `9 → ${personalConversationId(MEGAN)}`,
  ]);

  const seven = await action('7');
  const verified = await click(PAT, 'action.verify', {
    actionId: seven.id,
    version: seven.version,
    decision: 'verify',
  });
  expect(verified.status).toBe(200);
  expect((await action('7')).status).toBe('complete');

  bot.clock.set('2015-06-22T08:05:00Z');
  await sweep();
  expect((await who()).slice(4)).toEqual([`9 → ${personalConversationId(MEGAN)}`]);
});

it('follows up another priority once the plan names it, and never stops following up high', async () => {
  expect(await setPlanSettings(bot.chaser.core, 'operator', 'BTP-CDI', { verifyFollowUp: 'medium=3' })).toMatchObject({
    ok: true,
    settings: { verifyFollowUp: { high: 5, medium: 3, low: null } },
  });
  await sweep();
  expect((await who()).slice(5)).toEqual([`8 → ${personalConversationId(PAT)}`]);

  const refused = await setPlanSettings(bot.chaser.core, 'operator', 'BTP-CDI', { verifyFollowUp: 'high=none' });
  expect(refused).toEqual({
    ok: false,
    errors: {
      verifyFollowUp: 'Write each priority as high=7, medium=14 or low=30 (days, 1 to 365, or medium/low=none)',
    },
  });
});
