/**
 * "Open in board view" over HTTP: with the app's manifest id configured and a board linked to a channel,
 * the status card, the digest's rows and the plan owner's approval and verification cards deep-link to the
 * board tab on that action; an action no board with a channel follows, or a bot without the app id, gets
 * no link.
 */
import { ALEX, cardAction, message, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedTeamsUser, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';

const APP_ID = '0b6c6f7e-1d2a-4c3b-9e8f-112233445566';
const CHANNEL = '19:general@thread.tacv2';
const PAT: TestUser = { id: 'user-id-2', name: 'Pat Planner', aadObjectId: '00000000-0000-0000-0000-0000000000022' };

let bot: TestBot;
const db = () => bot.chaser.core.db.prisma;

/** The deep link's parts, decoded as Teams reads them. */
function linkParts(url: string) {
  const u = new URL(url);
  const [, l, entity, appId, entityId] = u.pathname.split('/');
  return { host: u.host, l, entity, appId, entityId, context: JSON.parse(u.searchParams.get('context')!) };
}
const openUrls = (card: any): string[] =>
  JSON.stringify(card)
    .match(/https:\/\/teams\.microsoft\.com\/l\/entity\/[^"\\)]+/g)
    ?.map((u) => u) ?? [];

async function start(env: Record<string, string>) {
  const b = await startTestBot({ now: '2015-06-01T08:14:00Z', env: { ADMIN_AAD_IDS: ALEX.aadObjectId, ...env } });
  const core = b.chaser.core;
  await seedPlan(core.db, {
    key: 'BTP-CDI',
    createdAt: '2015-01-01',
    owner: 'Deputy Chief Constable',
    actions: [
      { ref: '7', owners: ['Head of Offender Management'], due: '2015-05-30', dueText: 'May 15' },
      { ref: '8', owners: ['Head of Offender Management'], due: '2015-07-31', dueText: 'Jul 15' },
    ],
  });
  await seedPlan(core.db, {
    key: 'HMIC-X',
    createdAt: '2015-01-01',
    actions: [{ ref: '1', owners: ['Head of Offender Management'] }],
  });
  await seedTeamsUser(core.db, ALEX, ['Head of Offender Management']);
  await seedTeamsUser(core.db, PAT, ['Deputy Chief Constable']);
  for (const user of [PAT, ALEX]) await b.post(message('hello', { serviceUrl: b.connector.url, user }));
  for (const text of ['link this channel to board ICB Integrity Board', 'board ICB follows BTP-CDI'])
    await b.post(message(text, { serviceUrl: b.connector.url, scope: 'channel', user: ALEX }));
  return b;
}

async function statusCard(b: TestBot, ref: string) {
  b.connector.clear();
  await b.post(message(`status of ${ref}`, { serviceUrl: b.connector.url, user: ALEX }));
  return b.connector.sends()[0].activity.attachments[0].content;
}

describe('with the app id and a board linked to a channel', () => {
  beforeAll(async () => {
    bot = await start({ TEAMS_APP_ID: APP_ID });
  });
  afterAll(() => bot.stop());

  it("puts Open in board view on the status card, opening the board's channel tab on the action", async () => {
    const action = await db().action.findFirstOrThrow({ where: { ref: '7' } });
    const card = await statusCard(bot, 'BTP-CDI-7');
    const button = card.actions.find((a: any) => a.title === 'Open in board view');
    expect(button.type).toBe('Action.OpenUrl');
    expect(linkParts(button.url)).toEqual({
      host: 'teams.microsoft.com',
      l: 'l',
      entity: 'entity',
      appId: APP_ID,
      entityId: 'board-ICB',
      context: { subEntityId: action.id, channelId: CHANNEL },
    });
  });

  it('gives no link for an action of a plan no board with a channel follows', async () => {
    expect(openUrls(await statusCard(bot, 'HMIC-X-1'))).toEqual([]);
  });

  it('links each digest row about an action to the board tab', async () => {
    bot.connector.clear();
    await bot.post(message('digest now', { serviceUrl: bot.connector.url, scope: 'channel', user: ALEX }));
    await bot.chaser.jobs.worker.drain();
    const digest = bot.connector.sends(CHANNEL).find((s) => s.activity.summary === 'ICB digest')!.activity;
    const action = await db().action.findFirstOrThrow({ where: { ref: '7' } });
    const links = openUrls(digest.attachments[0].content).map(linkParts);
    expect(links.length).toBeGreaterThan(0);
    expect(links).toContainEqual(expect.objectContaining({ context: { subEntityId: action.id, channelId: CHANNEL } }));
    expect(JSON.stringify(digest)).toContain('[Open in board view](https://teams.microsoft.com/l/entity/');
  });

  it("puts the link on the plan owner's date request and verification cards", async () => {
    const click = (verb: string, data: Record<string, unknown>) =>
      bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user: ALEX }));
    const queued = async (kind: string) => {
      const row = await db().outboxMessage.findFirstOrThrow({
        where: { purpose: 'approval', idempotencyKey: { contains: kind } },
        orderBy: { createdAt: 'desc' },
      });
      return queuedActivity(row).attachments[0].content;
    };
    const eight = await db().action.findFirstOrThrow({ where: { ref: '8' } });
    await click('action.update', {
      actionId: eight.id,
      version: eight.version,
      status: 'AMBER',
      note: 'Vendor late',
      newDueDate: '2015-08-31',
      dueReason: 'Supplier slipped a month',
    });
    const seven = await db().action.findFirstOrThrow({ where: { ref: '7' } });
    await click('action.update', { actionId: seven.id, version: seven.version, status: 'complete', note: 'Done' });
    for (const [kind, action] of [
      ['extension', eight],
      ['verify', seven],
    ] as const) {
      const card = await queued(kind);
      const button = card.actions.find((a: any) => a.title === 'Open in board view');
      expect(linkParts(button.url).context).toEqual({ subEntityId: action.id, channelId: CHANNEL });
    }
  });
});

describe('without the app id', () => {
  let plain: TestBot;
  beforeAll(async () => {
    plain = await start({});
  });
  afterAll(() => plain.stop());

  it('offers no link to the board tab, which Teams could not open', async () => {
    expect(openUrls(await statusCard(plain, 'BTP-CDI-7'))).toEqual([]);
  });
});
