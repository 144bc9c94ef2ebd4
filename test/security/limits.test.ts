/**
 * Size limits at the edge: an oversized HTTP body gets 413 and the server keeps serving; an oversized or
 * malformed card submit gets an invoke error before any handler runs or anything is stored.
 */
import { ALEX, cardAction, message, MEGAN, STRANGER } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MAX_CARD_SUBMIT_BYTES } from '../../bot/handlers/turn/card-submit-guard';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const where = (user = ALEX) => ({ serviceUrl: bot.connector.url, user });
const stored = (aadObjectId: string) => bot.chaser.core.db.prisma.person.findUnique({ where: { aadObjectId } });

describe('request body size', () => {
  it('answers 413 to a body over 256 KB, then keeps serving', async () => {
    const huge = message('x'.repeat(300 * 1024), where(STRANGER));
    const res = await bot.post(huge);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'request too large' });
    expect(await stored(STRANGER.aadObjectId)).toBeNull();

    expect((await fetch(`${bot.chaser.url}/healthz`)).status).toBe(200);
    expect((await bot.post(message('help', where()))).status).toBe(200);
    expect(bot.connector.sends()).toHaveLength(1);
  });
});

describe('card submit size and shape', () => {
  it(`refuses a card submit over ${MAX_CARD_SUBMIT_BYTES / 1024} KB with a 413 invoke error before anything runs`, async () => {
    const res = await bot.post(
      cardAction(
        'action.update',
        { actionId: 'a1', version: 1, status: 'GREEN', note: 'n'.repeat(MAX_CARD_SUBMIT_BYTES) },
        where(STRANGER),
      ),
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      statusCode: 413,
      type: 'application/vnd.microsoft.error',
      value: { code: 'PayloadTooLarge', message: expect.stringMatching(/Shorten the text/) },
    });
    expect(bot.connector.recorded).toEqual([]);
    expect(await stored(STRANGER.aadObjectId)).toBeNull();
  });

  it.each([
    [
      'an Action.Submit dressed as Action.Execute',
      { action: { type: 'Action.Submit', verb: 'action.update', data: {} } },
    ],
    ['no verb', { action: { type: 'Action.Execute', data: {} } }],
    ['data that is not an object', { action: { type: 'Action.Execute', verb: 'action.update', data: 'x' } }],
    ['no action at all', {}],
  ])('refuses %s with a 400 invoke error', async (_case, value) => {
    const res = await bot.post({ ...cardAction('action.update', {}, where(STRANGER)), value });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, value: { code: 'BadRequest' } });
    expect(await stored(STRANGER.aadObjectId)).toBeNull();
  });

  it('lets a normal-sized card submit through to the handlers', async () => {
    const res = await bot.post(cardAction('security.probe', { note: '😀'.repeat(2000) }, where(MEGAN)));
    // Past the guard, a verb no handler takes is answered as an out-of-date card, not refused as malformed.
    expect(res.body?.value?.message).toBe('This card is out of date. Ask Chaser again for a fresh one.');
    // captureIdentity runs after the guard: the sender being recorded shows the turn went on.
    expect(await stored(MEGAN.aadObjectId)).not.toBeNull();
  });
});
