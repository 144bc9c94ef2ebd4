/** Boards over HTTP in a team channel: link, follow, schedule, refusals, "digest now" through the outbox, paging, unlink. */
import { ALEX, cardAction, MEGAN, message, STRANGER, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPlan } from '../helpers/fixtures';

const CHANNEL = '19:general@thread.tacv2';
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-08T09:00:00Z', env: { ADMIN_AAD_IDS: ALEX.aadObjectId } });
  await seedPlan(bot.chaser.core.db, {
    key: 'BTP-CDI',
    createdAt: '2015-01-01',
    actions: Array.from({ length: 7 }, (_, i) => ({
      ref: String(i + 1),
      text: `Overdue thing ${i + 1}`,
      owners: ['FCR'],
      due: `2015-05-0${i + 1}`,
    })),
  });
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const say = async (user: TestUser, text: string) => {
  bot.connector.clear();
  await bot.post(message(text, { serviceUrl: bot.connector.url, scope: 'channel', user }));
  return bot.connector.sends(CHANNEL).map((s) => s.activity.text as string);
};
const board = () =>
  bot.chaser.core.db.prisma.board.findUnique({ where: { key: 'ICB' }, include: { plans: true, conversation: true } });

describe('boards in a channel', () => {
  it('refuses a non-admin and creates nothing', async () => {
    expect(await say(STRANGER, 'link this channel to board ICB')).toEqual([
      expect.stringMatching(/^Only an admin or the owner of a plan/),
    ]);
    expect(await board()).toBeNull();
  });

  it('links the channel, creating the board with its name', async () => {
    expect(await say(ALEX, 'link this channel to board ICB Integrity and Compliance Board')).toEqual([
      'Linked this channel to board ICB (Integrity and Compliance Board). Digests: Mon 08:00 (Europe/London). Next: "board ICB follows PLAN-KEY".',
    ]);
    const b = await board();
    expect(b).toMatchObject({
      name: 'Integrity and Compliance Board',
      digestCron: '0 8 * * 1',
      conversation: { conversationId: CHANNEL, scope: 'channel' },
    });
    expect(b!.digestsFrom).toEqual(new Date('2015-06-08T09:00:00Z'));
  });

  it('follows a plan and sets the schedule', async () => {
    expect(await say(ALEX, 'board ICB follows BTP-CDI')).toEqual([
      expect.stringContaining('Board ICB now follows BTP-CDI'),
    ]);
    expect(await say(ALEX, 'digest every Friday 16:30')).toEqual(['Board ICB digests: Fri 16:30 (Europe/London).']);
    expect(await board()).toMatchObject({ digestCron: '30 16 * * 5', plans: [expect.anything()] });
  });

  it('explains a schedule it cannot read, and refuses others, changing nothing', async () => {
    expect(await say(ALEX, 'digest every Funday 08:00')).toEqual([
      expect.stringContaining('I don\'t know the day "Funday"'),
    ]);
    expect(await say(STRANGER, 'digest every Monday 09:00')).toEqual([expect.stringMatching(/^Only an admin/)]);
    expect(await say(STRANGER, 'unlink')).toEqual([expect.stringMatching(/^Only an admin/)]);
    expect(await board()).toMatchObject({ digestCron: '30 16 * * 5', conversation: { conversationId: CHANNEL } });
  });

  it('refuses "digest now" to someone who may not change the board, posting nothing', async () => {
    for (const user of [STRANGER, MEGAN, STRANGER]) {
      expect(await say(user, 'digest now')).toEqual([
        'Only an admin or the owner of a plan this board follows can post its digest now; nothing was posted.',
      ]);
    }
    expect(await bot.chaser.core.db.prisma.outboxMessage.count({ where: { purpose: 'digest' } })).toBe(0);
  });

  it('posts "digest now" to the channel through the outbox, answers in the thread, and pages a section in place', async () => {
    expect(await say(ALEX, 'digest now')).toEqual([
      'Posting the ICB digest to this channel now: it appears as a new post in a moment.',
    ]);
    bot.connector.clear();
    expect(await bot.chaser.jobs.worker.drain()).toMatchObject({ sent: 1 });
    const [sent] = bot.connector.sends(CHANNEL);
    const card = sent.activity.attachments[0].content;
    const text = JSON.stringify(card);
    expect(text).toContain('Integrity and Compliance Board (ICB): digest');
    expect(text).toMatch(/"text":"Red",[^}]*\},\{"type":"TextBlock","text":"7"/);
    const showAll = JSON.stringify(card.body).match(/"data":(\{"verb":"digest.page"[^}]*"section":"overdue"[^}]*\})/);
    expect(showAll).not.toBeNull();
    const res = await bot.post(
      cardAction('digest.page', JSON.parse(showAll![1]), {
        serviceUrl: bot.connector.url,
        scope: 'channel',
        user: STRANGER,
      }),
    );
    const page = JSON.stringify(res.body.value);
    expect(page).toContain('**Overdue** (7)');
    expect(page).toContain('Overdue thing 7');
    expect(res.body.value.actions[0]).toMatchObject({ title: 'Back to digest', verb: 'digest.page' });
  });

  it('unlinks, after which "digest now" says the channel is not linked', async () => {
    expect(await say(ALEX, 'unlink')).toEqual(['Unlinked board ICB: no more digests here.']);
    expect((await board())!.conversationId).toBeNull();
    expect(await say(ALEX, 'digest now')).toEqual([expect.stringContaining('This channel is not linked to a board')]);
  });
});
