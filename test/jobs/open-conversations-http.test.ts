/**
 * Over HTTP with the connector stand-in: the reminder sweep opens a 1:1 chat with an owner Teams knows
 * but who never talked to the bot, and their card goes there once; an owner for whom Teams refuses
 * (403: app not installed) and an owner with no Teams ids are reported to the plan owner as
 * unreachable, and the refused one is not asked about again every sweep.
 */
import { MEGAN, message, personalConversationId, TENANT_ID } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';

let bot: TestBot;
const KIM = { teamsUserId: '29:kim', aadObjectId: '00000000-0000-0000-0000-0000000000031' };
const LEE = { teamsUserId: '29:lee', aadObjectId: '00000000-0000-0000-0000-0000000000032' };
/** Create requests for Lee, all refused. */
let leeAttempts = 0;

beforeAll(async () => {
  bot = await startTestBot({ now: '2026-11-24T08:00:00Z' });
  const db = bot.chaser.core.db;
  // Due tomorrow: "due in 1 day" today and "due today" tomorrow, so each day owes something new.
  await seedPlan(db, {
    key: 'P',
    owner: 'Plan Owner',
    createdAt: '2026-10-01',
    actions: ['K', 'L', 'N'].map((x) => ({
      ref: `${x}1`,
      owners: [`Head ${x}`],
      due: '2026-11-25',
      createdAt: '2026-10-01',
    })),
  });
  // Megan owns the plan and has talked to the bot: that tells Chaser the tenant's service URL.
  await bot.post(message('help', { serviceUrl: bot.connector.url, user: MEGAN }));
  const megan = await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: MEGAN.aadObjectId } });
  const post = await db.prisma.post.findUniqueOrThrow({ where: { name: 'Plan Owner' } });
  await db.prisma.postHolding.create({
    data: { postId: post.id, personId: megan.id, from: new Date('2020-01-01T00:00:00Z') },
  });
  // Kim and Lee are known to Teams (say, from a roster) but never talked to the bot; Nat is only a name.
  for (const [name, ids, posts] of [
    ['Kim', KIM, ['Head K']],
    ['Lee', LEE, ['Head L']],
    ['Nat', {}, ['Head N']],
  ] as const) {
    const p = await seedPerson(db, { displayName: name, ...ids, posts: [...posts] });
    if ('teamsUserId' in ids) await db.prisma.person.update({ where: { id: p.id }, data: { tenantId: TENANT_ID } });
  }
  bot.connector.respond(({ method, path, body }) => {
    if (method !== 'POST' || path !== '/v3/conversations' || body?.members?.[0]?.id !== LEE.teamsUserId)
      return undefined;
    leeAttempts++;
    return { status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not installed for this user' } } };
  });
  bot.connector.clear();
});
afterAll(() => bot.stop());

/** Every scheduled job (the reminder sweep with its opener, as bot/main.ts wires it), then the outbox. */
async function sweep(at: string) {
  bot.clock.set(at);
  await bot.chaser.jobs.scheduler.runAll();
  await bot.chaser.jobs.worker.drain();
}

const creates = () => bot.connector.recorded.filter((r) => r.kind === 'createConversation');
const cardText = (r: { activity: Record<string, any> }) => JSON.stringify(r.activity.attachments[0].content.body);

describe('opening chats with owners new to Chaser', () => {
  it("creates the owner's 1:1 chat and sends their card there, once across two sweeps", async () => {
    await sweep('2026-11-24T09:01:00Z');
    await sweep('2026-11-24T09:06:00Z');

    expect(creates()).toHaveLength(1);
    const created = creates()[0];
    expect(created.activity).toMatchObject({
      isGroup: false,
      bot: { id: '28:chaser-bot' },
      members: [{ id: KIM.teamsUserId }],
      tenantId: TENANT_ID,
      channelData: { tenant: { id: TENANT_ID } },
    });
    const kimCards = bot.connector.sends(created.conversationId);
    expect(kimCards).toHaveLength(1);
    expect(cardText(kimCards[0])).toContain('Action K1');
    const stored = await bot.chaser.core.db.prisma.conversationRef.findUniqueOrThrow({
      where: { conversationId: created.conversationId },
      include: { person: true },
    });
    expect(stored).toMatchObject({
      scope: 'personal',
      state: 'active',
      tenantId: TENANT_ID,
      person: { displayName: 'Kim' },
    });
    expect(JSON.parse(stored.reference)).toMatchObject({
      serviceUrl: bot.connector.url,
      conversation: { id: created.conversationId },
      user: { id: KIM.teamsUserId },
    });
  });

  it("lists a refused owner and an owner unknown to Teams on the plan owner's card, without retrying the refusal every sweep", async () => {
    expect(leeAttempts).toBe(1);
    const meganCards = bot.connector.sends(personalConversationId(MEGAN));
    expect(meganCards).toHaveLength(1);
    const text = cardText(meganCards[0]);
    expect(text).toContain('Unreachable owners — 2');
    expect(text).toMatch(/Lee\*\* — known to Teams, has not installed Chaser/);
    expect(text).toMatch(/Nat\*\* — not known to Teams yet/);
    expect(text).not.toContain('Kim');

    // Next day something new is owed to each: Kim's card goes to the chat opened yesterday, Lee is
    // reported again without another create request, and nothing is created for Nat.
    bot.connector.clear();
    await sweep('2026-11-25T09:01:00Z');
    expect(creates()).toEqual([]);
    expect(leeAttempts).toBe(1);
    expect(bot.connector.sends()).toHaveLength(2);
    expect(cardText(bot.connector.sends(personalConversationId(MEGAN))[0])).toContain('Unreachable owners — 2');
  });
});
