/**
 * Boards belong to the channel, not to the thread of the post that linked them: in Teams each channel
 * post is its own conversation ("19:…@thread.tacv2;messageid=…"). A board linked in one post is found
 * from a later post, and its digest goes to the channel itself (a new post), over HTTP.
 */
import { ALEX, message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';

const CHANNEL = '19:general@thread.tacv2';
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-08T09:00:00Z', env: { ADMIN_AAD_IDS: ALEX.aadObjectId } });
});
afterAll(() => bot.stop());

/** A new post in the General channel, as Teams sends it: its conversation is the post's thread. */
const post = (messageId: string, text: string) => {
  const m = message(text, {
    serviceUrl: bot.connector.url,
    scope: 'channel',
    user: ALEX,
    conversationId: `${CHANNEL};messageid=${messageId}`,
  });
  return bot.post({ ...m, channelData: { ...m.channelData, channel: { id: CHANNEL, name: 'General' } } });
};

it('links the channel from one post and posts "digest now", asked in another, to the channel', async () => {
  await post('1001', 'link this channel to board ICB Integrity and Compliance Board');
  expect(bot.connector.sends(`${CHANNEL};messageid=1001`).map((s) => s.activity.text)).toEqual([
    expect.stringContaining('Linked this channel to board ICB'),
  ]);
  const board = await bot.chaser.core.db.prisma.board.findUniqueOrThrow({
    where: { key: 'ICB' },
    include: { conversation: true },
  });
  expect(board.conversation).toMatchObject({ conversationId: CHANNEL, scope: 'channel' });
  expect(JSON.parse(board.conversation!.reference)).toMatchObject({ conversation: { id: CHANNEL } });
  expect(JSON.parse(board.conversation!.reference).activityId).toBeUndefined();

  bot.connector.clear();
  await post('1002', 'digest now');
  // The answer in the new post's thread (nothing like "not linked"); the digest itself a new post.
  expect(bot.connector.sends().map((s) => [s.conversationId, s.activity.text])).toEqual([
    [`${CHANNEL};messageid=1002`, 'Posting the ICB digest to this channel now: it appears as a new post in a moment.'],
  ]);
  bot.connector.clear();
  expect(await bot.chaser.jobs.worker.drain()).toMatchObject({ sent: 1 });
  const [digest] = bot.connector.sends();
  expect(digest.conversationId).toBe(CHANNEL);
  expect(JSON.stringify(digest.activity.attachments[0].content)).toContain(
    'Integrity and Compliance Board (ICB): digest',
  );
});
