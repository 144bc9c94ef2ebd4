/**
 * A card click is never answered with a bare error: a failed save answers with the form and what was
 * typed under a "Not saved" banner, other failures with a button to try again; an update made while
 * another process holds the database's write lock is saved once the lock is released; an unknown
 * button or invoke gets the answer Teams expects.
 */
import { ALEX, cardAction, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { holdWriteLock } from '../helpers/write-lock';
import * as change from '../../core/actions/change';

let bot: TestBot;
let actionId: string;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T08:14:00Z' });
  await seedPlan(bot.chaser.core.db, {
    key: 'BTP-CDI',
    owner: 'Deputy Chief Constable',
    actions: [
      { ref: '7', text: 'Issue rape transfer guidance', owners: ['Head of Offender Management'], due: '2015-09-30' },
    ],
  });
  await seedPerson(bot.chaser.core.db, {
    displayName: ALEX.name,
    teamsUserId: ALEX.id,
    aadObjectId: ALEX.aadObjectId,
    posts: ['Head of Offender Management'],
  });
  actionId = (await db().action.findFirstOrThrow({ where: { ref: '7' } })).id;
});
afterAll(() => bot.stop());
afterEach(() => jest.restoreAllMocks());

const click = (verb: string, data: Record<string, unknown>, user: TestUser = ALEX) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const version = async () => (await db().action.findUniqueOrThrow({ where: { id: actionId } })).version;
const texts = (card: any) => JSON.stringify(card?.body);

describe('card clicks whose handler fails', () => {
  it('answers a failed save with the form, what was typed and a "Not saved" banner; saves nothing', async () => {
    jest.spyOn(db(), '$transaction').mockRejectedValue(new Error('connection lost'));
    const before = await version();
    const res = await click('action.update', { actionId, version: before, status: 'AMBER', note: 'Waiting on legal' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(res.body.value.body[0]).toMatchObject({
      text: 'Not saved: Chaser could not finish that just now. Try again.',
      color: 'Attention',
    });
    expect(res.body.value.body.find((b: any) => b.id === 'note')).toMatchObject({ value: 'Waiting on legal' });
    expect(res.body.value.actions[0]).toMatchObject({ verb: 'action.update', data: { actionId, version: before } });
    expect(await version()).toBe(before);
  });

  it('answers any other failed click with the banner and a button repeating it', async () => {
    jest.spyOn(change, 'loadView').mockRejectedValue(new Error('connection lost'));
    const res = await click('action.open', { actionId });
    expect(res.status).toBe(200);
    expect(texts(res.body.value)).toContain('Not saved: Chaser could not finish that just now. Try again.');
    expect(res.body.value.actions[0]).toMatchObject({
      type: 'Action.Execute',
      title: 'Try again',
      verb: 'action.open',
      data: { verb: 'action.open', actionId },
    });
  });
});

describe('unknown card buttons and invokes', () => {
  it('says a card with a verb it does not know is out of date', async () => {
    const res = await click('no.such.verb', {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { message: 'This card is out of date. Ask Chaser again for a fresh one.' },
    });
  });

  it('acknowledges an invoke it does not handle instead of answering 501', async () => {
    const { value: _, ...base } = cardAction('x', {}, { serviceUrl: bot.connector.url });
    for (const name of ['task/fetch', 'composeExtension/query', 'something/new']) {
      const res = await bot.post({ ...base, name, value: {} });
      expect(res.status).toBe(200);
    }
  });
});

describe('an update while another process holds the write lock', () => {
  it('is saved once the lock is released (longer than the database waits by itself)', async () => {
    const before = await version();
    const lock = await holdWriteLock(bot.chaser.config.DATABASE_URL, 7000);
    const res = await click('action.update', {
      actionId,
      version: before,
      status: 'AMBER',
      note: 'Saved despite the lock',
    });
    await lock.released;
    expect(res.status).toBe(200);
    expect(texts(res.body.value)).toContain('updated by Alex Wilber');
    expect(await version()).toBe(before + 1);
    expect(await db().update.findFirst({ where: { actionId, text: 'Saved despite the lock' } })).not.toBeNull();
  });
});
