/**
 * ALLOWED_TENANTS: activities from any other tenant are refused before anything of theirs is stored,
 * and logged. Messages get one line, card clicks a 403 invoke error, installs nothing.
 */
import { ALEX, cardAction, installed, message, STRANGER, TENANT_ID } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { NOT_AVAILABLE } from '../../bot/handlers/turn/tenant-guard';
import { captureLog, type CapturedLog } from './log-capture';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';

let bot: TestBot;
let logs: CapturedLog;

beforeAll(async () => {
  logs = captureLog('warn');
  // Upper case in the setting: tenant ids are GUIDs and compare case-insensitively.
  bot = await startTestBot({
    env: { ALLOWED_TENANTS: `${TENANT_ID.toUpperCase()}, 22222222-0000-0000-0000-000000000000` },
    log: logs.log,
  });
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const from = (tenantId: string) => ({ serviceUrl: bot.connector.url, user: STRANGER, tenantId });

async function nothingStoredFor(user = STRANGER) {
  expect(await bot.chaser.core.db.prisma.person.findUnique({ where: { aadObjectId: user.aadObjectId } })).toBeNull();
  expect(await bot.chaser.core.db.prisma.conversationRef.count({ where: { tenantId: { not: TENANT_ID } } })).toBe(0);
}

describe('tenant allow-list', () => {
  it('serves an allowed tenant as usual', async () => {
    const res = await bot.post(message('help', { ...from(TENANT_ID), user: ALEX }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(bot.connector.sends()[0].activity)).toContain('What you can ask Chaser');
    expect(
      await bot.chaser.core.db.prisma.person.findUnique({ where: { aadObjectId: ALEX.aadObjectId } }),
    ).not.toBeNull();
  });

  it('answers a message from another tenant with one line, stores nothing and logs the refusal', async () => {
    const res = await bot.post(message("what's red?", from(OTHER_TENANT)));
    expect(res.status).toBe(200);
    const sends = bot.connector.sends();
    expect(sends.map((s) => s.activity.text)).toEqual([NOT_AVAILABLE]);
    expect(sends[0].activity.attachments ?? []).toEqual([]);
    await nothingStoredFor();
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 40,
        tenantIds: [OTHER_TENANT, OTHER_TENANT],
        activityType: 'message',
        msg: expect.stringMatching(/refused/),
      }),
    );
  });

  it('says nothing when installed in another tenant and stores nothing', async () => {
    const res = await bot.post(installed(from(OTHER_TENANT)));
    expect(res.status).toBe(200);
    expect(bot.connector.recorded).toEqual([]);
    await nothingStoredFor();
  });

  it('refuses a card click from another tenant with a 403 invoke error and runs no action', async () => {
    const res = await bot.post(cardAction('action.update', { actionId: 'x', text: 'Done' }, from(OTHER_TENANT)));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      statusCode: 403,
      type: 'application/vnd.microsoft.error',
      value: { code: 'Forbidden', message: NOT_AVAILABLE },
    });
    expect(bot.connector.recorded).toEqual([]);
    await nothingStoredFor();
  });

  it('refuses an activity whose two tenant fields disagree', async () => {
    const a = message('help', from(TENANT_ID));
    a.channelData.tenant.id = OTHER_TENANT;
    await bot.post(a);
    expect(bot.connector.sends().map((s) => s.activity.text)).toEqual([NOT_AVAILABLE]);
    await nothingStoredFor();
  });

  it('refuses an activity that names no tenant', async () => {
    const a: any = message('help', from(TENANT_ID));
    delete a.conversation.tenantId;
    delete a.channelData.tenant;
    await bot.post(a);
    expect(bot.connector.sends().map((s) => s.activity.text)).toEqual([NOT_AVAILABLE]);
    await nothingStoredFor();
  });
});
