/** The bot over HTTP with real Bot Framework activities, replies recorded by the connector stand-in. */
import { ALEX, installed, message, personalConversationId } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startConnector } from '../helpers/connector';
import { seedPlan } from '../helpers/fixtures';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T09:00:00Z' });
  await seedPlan(bot.chaser.core.db, {
    key: 'BTP-CDI',
    actions: [
      {
        ref: '7',
        text: 'Issue rape transfer guidance',
        owners: ['Head of Offender Management'],
        due: '2015-03-01',
        dueText: '01-Mar-15',
        updates: [{ at: '2015-05-20', text: 'Drafted' }],
      },
      {
        ref: '8',
        text: 'Audit incident closures',
        owners: ['FCR'],
        due: '2015-09-30',
        reportedRag: 'RED',
        updates: [{ at: '2015-05-28', text: 'Blocked on staff' }],
      },
      {
        ref: '9',
        text: 'Refresh training',
        owners: ['Head of SDD'],
        due: '2015-09-30',
        updates: [{ at: '2015-05-28', text: 'On plan' }],
      },
      { ref: '10', text: 'Publish message', owners: ['Deputy Chief Constable'], due: '2015-01-01', status: 'complete' },
    ],
  });
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const where = () => ({ serviceUrl: bot.connector.url });
const cardOf = (r: { activity: any }) => r.activity.attachments?.[0]?.content;
const texts = (card: any): string => JSON.stringify(card.body);

describe('bot over HTTP', () => {
  it('says hello with what it can do when installed, and stores the conversation and person', async () => {
    const res = await bot.post(installed(where()));
    expect(res.status).toBe(200);
    const [sent] = bot.connector.sends();
    expect(texts(cardOf(sent))).toContain('Chaser keeps improvement plans moving');
    const person = await bot.chaser.core.db.prisma.person.findUnique({ where: { aadObjectId: ALEX.aadObjectId } });
    expect(person).toMatchObject({ displayName: 'Alex Wilber', timeZone: 'Europe/London', teamsUserId: ALEX.id });
    const conv = await bot.chaser.core.db.prisma.conversationRef.findUnique({
      where: { conversationId: sent.conversationId },
    });
    expect(conv).toMatchObject({ scope: 'personal', personId: person!.id, state: 'active' });
    expect(JSON.parse(conv!.reference).serviceUrl).toBe(bot.connector.url);
  });

  it('learns a new time zone from a later activity', async () => {
    await bot.post(message('help', { ...where(), timeZone: 'America/New_York' }));
    const person = await bot.chaser.core.db.prisma.person.findUnique({ where: { aadObjectId: ALEX.aadObjectId } });
    expect(person?.timeZone).toBe('America/New_York');
  });

  it('answers help with the same card', async () => {
    await bot.post(message('help', where()));
    expect(texts(cardOf(bot.connector.sends()[0]))).toContain("what's red?");
  });

  it('answers "what\'s red?" with the red actions, overdue ones included, and their reasons', async () => {
    await bot.post(message("what's red?", where()));
    const card = cardOf(bot.connector.sends()[0]);
    expect(card.version).toBe('1.5');
    const body = texts(card);
    expect(body).toContain('Red — 2 actions');
    expect(body).toContain('BTP\\\\-CDI\\\\-7');
    expect(body).toContain('overdue since 2 Mar 2015');
    expect(body).toContain('reported Red 28 May 2015');
    expect(body).not.toContain('Refresh training');
    expect(body).not.toContain('Publish message');
  });

  it('strips the @mention in a channel and replies in the thread', async () => {
    await bot.post(message("what's red?", { ...where(), scope: 'channel' }));
    const [sent] = bot.connector.sends();
    expect(sent.conversationId).toBe('19:general@thread.tacv2');
    expect(texts(cardOf(sent))).toContain('Red — 2 actions');
  });

  it('never stays silent on a question it does not understand', async () => {
    await bot.post(message("what's the weather like in london today", where()));
    const body = texts(cardOf(bot.connector.sends()[0]));
    expect(body).toContain("I didn't get that. Try one of these, or type **help**:");
    expect(JSON.stringify(cardOf(bot.connector.sends()[0]))).toContain(
      '{"msteams":{"type":"imBack","value":"what\'s overdue?"}}',
    );
  });

  it('rejects garbage with 400 and keeps serving', async () => {
    const garbage = await fetch(`${bot.chaser.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(garbage.status).toBe(400);
    const notAnActivity = await fetch(`${bot.chaser.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1,2]',
    });
    expect(notAnActivity.status).toBe(400);
    // An activity without the envelope the protocol requires gets 400 and says what is missing, not a 500.
    const { recipient: _, ...noRecipient } = message('hi', where());
    const partial = await fetch(`${bot.chaser.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(noRecipient),
    });
    expect(partial.status).toBe(400);
    expect(await partial.json()).toEqual({
      error: 'expected a Bot Framework activity (recipient is missing or malformed)',
    });
    const health = await fetch(`${bot.chaser.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('records a new sender and answers their question', async () => {
    const db = bot.chaser.core.db;
    const user = { id: 'user-id-40', name: 'Nadia Newcomer', aadObjectId: '00000000-0000-0000-0000-0000000000040' };
    await bot.post(message("what's red?", { ...where(), user }));
    expect(texts(cardOf(bot.connector.sends()[0]))).toContain('Red — 2 actions');
    const person = await db.prisma.person.findUnique({ where: { aadObjectId: user.aadObjectId } });
    expect(person).toMatchObject({ displayName: 'Nadia Newcomer', teamsUserId: user.id });
    expect(
      await db.prisma.conversationRef.findUnique({ where: { conversationId: personalConversationId(user) } }),
    ).toMatchObject({ personId: person!.id });
  });

  it('apologises instead of answering when the sender cannot be recorded', async () => {
    const executor = bot.chaser.core.db.store.getExecutor();
    const executeQuery = executor.executeQuery.bind(executor);
    const spy = jest.spyOn(executor, 'executeQuery').mockImplementation(async (query) => {
      if (query.sql.includes('SELECT 1 AS "one"')) throw new Error('database went away');
      return executeQuery(query);
    });
    try {
      const res = await bot.post(message("what's red?", where()));
      expect(res.status).toBe(200);
      expect(bot.connector.sends().map((s) => s.activity.text)).toEqual([
        'Sorry, something went wrong on my side. Please try again in a minute.',
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('retries a throttled reply as the SDK does, and sends it once', async () => {
    bot.connector.inject({ status: 429, retryAfterSeconds: 0, times: 1 });
    const res = await bot.post(message('help', where()));
    expect(res.status).toBe(200);
    expect(bot.connector.attempts).toBeGreaterThanOrEqual(2);
    expect(bot.connector.sends()).toHaveLength(1);
    expect(texts(cardOf(bot.connector.sends()[0]))).toContain("what's red?");
  });

  it('treats a refused reply as a failed turn, so the apology follows', async () => {
    bot.connector.inject({ status: 403, code: 'BotDisabledByAdmin', times: 1 });
    await bot.post(message('help', where()));
    expect(bot.connector.sends().map((s) => s.activity.text)).toEqual([
      'Sorry, something went wrong on my side. Please try again in a minute.',
    ]);
  });

  it('answers each activity at its own service URL', async () => {
    const region = await startConnector();
    try {
      for (const text of ['help', "what's red?", 'help']) await bot.post(message(text, { serviceUrl: region.url }));
      await bot.post(message('help', where()));
      expect(region.sends()).toHaveLength(3);
      expect(bot.connector.sends()).toHaveLength(1);
    } finally {
      await region.close();
    }
  });

  it('reports readiness only when the database is migrated and reachable', async () => {
    const ready = await fetch(`${bot.chaser.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true });
  });
});
