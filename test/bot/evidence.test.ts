/**
 * Evidence over HTTP: https links with a title on the update card, files sent in the personal chat with
 * "evidence for BTP-CDI-8", the plan's evidence policy refusing a completion without any, and the
 * plan owner seeing it on the verification card, in history and in the export. Bad links, unsupported
 * or oversized files: a clear message, nothing saved.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FILE_DOWNLOAD_INFO } from '../../bot/handlers/messages/file-upload';
import { exportPlan } from '../../core/export/export-plan';
import { setPlanSettings } from '../../core/plan-settings';
import { ALEX, STRANGER, cardAction, message, personalConversationId, type TestUser } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedTeamsUser, seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';

const PAT: TestUser = { id: 'user-id-2', name: 'Pat Planner', aadObjectId: '00000000-0000-0000-0000-0000000000022' };
const LINK = 'https://contoso.sharepoint.com/sites/audit/Shared%20Documents/Closure%20report.pdf';

let bot: TestBot;
let files: Server;
let filesUrl: string;
const served: Record<string, Buffer> = {
  '/minutes.pdf': Buffer.from('%PDF-1.4 minutes of the board'),
  '/big.pdf': Buffer.alloc(3000, 1),
  '/tool.exe': Buffer.from('MZ'),
};
const downloads: string[] = [];
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  files = createServer((req, res) => {
    downloads.push(req.url ?? '');
    const body = served[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/octet-stream' });
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  bot = await startTestBot({ now: '2015-06-01T08:14:00Z', env: { MAX_UPLOAD_BYTES: '2000' } });
  const core = bot.chaser.core;
  await seedPlan(core.db, {
    key: 'BTP-CDI',
    owner: 'Deputy Chief Constable',
    actions: ['7', '8', '9'].map((ref) => ({ ref, owners: ['Head of Offender Management'], due: '2015-06-30' })),
  });
  await db().action.updateMany({ where: { ref: { in: ['7', '8'] } }, data: { priority: 'high' } });
  await seedTeamsUser(core.db, ALEX, ['Head of Offender Management']);
  await seedTeamsUser(core.db, PAT, ['Deputy Chief Constable']);
  for (const user of [ALEX, PAT, STRANGER]) await bot.post(message('hello', { serviceUrl: bot.connector.url, user }));
});
afterAll(async () => {
  await bot.stop();
  await new Promise((r) => files.close(r));
});

const click = (user: TestUser, verb: string, data: Record<string, unknown>) =>
  bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
const plain = (x: unknown) => JSON.stringify(x).replace(/\\+/g, '');
const cardText = (res: { body: any }) => plain(res.body?.value?.body ?? res.body);
const action = (ref: string) => db().action.findFirstOrThrow({ where: { ref } });
const complete = async (ref: string, extra: Record<string, unknown> = {}, user = ALEX) => {
  const a = await action(ref);
  return click(user, 'action.update', {
    actionId: a.id,
    version: a.version,
    status: 'complete',
    note: 'Done',
    ...extra,
  });
};
async function nothingSaved(ref: string) {
  const a = await action(ref);
  expect(a).toMatchObject({ status: 'open', version: 1 });
  expect(await db().evidence.count({ where: { actionId: a.id } })).toBe(0);
  expect(await db().update.count({ where: { actionId: a.id } })).toBe(0);
}
const sendFile = (name: string, text: string, user: TestUser = ALEX) => {
  bot.connector.clear();
  return bot.post({
    ...message(text, { serviceUrl: bot.connector.url, user }),
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        name,
        contentUrl: `${filesUrl}/${name}`,
        content: { downloadUrl: `${filesUrl}/${name}`, uniqueId: name, fileType: name.split('.').pop() },
      },
    ],
  });
};
const reply = () => bot.connector.sends().at(-1)!.activity.text as string;

describe('links on the update card', () => {
  it('refuses to complete a high-priority action without evidence, next to the link field', async () => {
    const res = await complete('7');
    expect(cardText(res)).toContain('BTP-CDI needs evidence to complete high-priority actions');
    expect(cardProblems(res.body.value)).toEqual([]);
    await nothingSaved('7');
  });

  it.each([
    ['http://contoso.sharepoint.com/report.pdf'],
    ['javascript:alert(1)'],
    ['contoso.sharepoint.com/report.pdf'],
  ])('refuses the link %s: https only', async (url) => {
    const res = await complete('7', { evidenceUrl: url, evidenceTitle: 'Report' });
    expect(cardText(res)).toContain('Evidence links must start with https://');
    expect(plain(res.body.value)).toContain('"value":"Done"'); // the note typed is kept
    await nothingSaved('7');
  });

  it('needs a title with the link', async () => {
    expect(cardText(await complete('7', { evidenceUrl: LINK }))).toContain('Give the evidence a title');
    await nothingSaved('7');
  });

  it('completes with the link, which the plan owner sees on the verification card, in history and in the export', async () => {
    const res = await complete('7', { evidenceUrl: LINK, evidenceTitle: 'Closure report' });
    expect(cardText(res)).toContain('now complete, awaiting verification by the plan owner');
    const a = await action('7');
    const [evidence] = await db().evidence.findMany({ where: { actionId: a.id } });
    expect(evidence).toMatchObject({ kind: 'link', url: LINK, title: 'Closure report' });
    const row = await db().update.findFirstOrThrow({ where: { actionId: a.id, kind: 'progress' } });
    expect(JSON.parse(row.detail!)).toEqual({ evidenceIds: [evidence.id] });

    const out = await db().outboxMessage.findFirstOrThrow({
      where: { purpose: 'approval' },
      include: { conversation: true },
    });
    expect(out.conversation.conversationId).toBe(personalConversationId(PAT));
    const card = queuedActivity(out).attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(card.body).toContainEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.OpenUrl', title: 'Closure report', url: LINK }],
    });

    const csv = (await exportPlan(bot.chaser.core, 'BTP-CDI', 'csv'))!.toString('utf8');
    expect(csv).toContain(`Closure report — ${LINK}`);
  });

  it('follows the plan policy: none needs no evidence, all needs it for any priority', async () => {
    expect(await setPlanSettings(bot.chaser.core, 'operator', 'BTP-CDI', { evidence: 'all' })).toMatchObject({
      ok: true,
    });
    expect(cardText(await complete('9'))).toContain('BTP-CDI needs evidence to complete every action');
    await nothingSaved('9');
    expect(await setPlanSettings(bot.chaser.core, 'operator', 'BTP-CDI', { evidence: 'none' })).toMatchObject({
      ok: true,
    });
    expect(cardText(await complete('9'))).toContain('now complete');
    expect(await setPlanSettings(bot.chaser.core, 'operator', 'BTP-CDI', { evidence: 'high' })).toMatchObject({
      ok: true,
    });
  });
});

describe('files sent in the personal chat', () => {
  it('refuses an unsupported type without downloading it', async () => {
    await sendFile('tool.exe', 'evidence for BTP-CDI-8');
    expect(reply()).toContain('tool.exe is not one of those. Nothing was saved.');
    expect(downloads).not.toContain('/tool.exe');
    await nothingSaved('8');
  });

  it('refuses a file over the size limit', async () => {
    await sendFile('big.pdf', 'evidence for BTP-CDI-8');
    expect(reply()).toContain('big.pdf is larger than 2 KB, the largest evidence file Chaser keeps');
    await nothingSaved('8');
  });

  it('refuses someone who cannot update the action, and an action that does not exist', async () => {
    await sendFile('minutes.pdf', 'evidence for BTP-CDI-8', STRANGER);
    expect(reply()).toContain('Sorry, only the owners of BTP-CDI-8');
    await sendFile('minutes.pdf', 'evidence for BTP-CDI-99');
    expect(reply()).toContain('I could not find action BTP-CDI-99');
    await nothingSaved('8');
  });

  it('keeps the file as evidence, which then lets the high-priority action complete', async () => {
    await sendFile('minutes.pdf', 'Evidence for btp-cdi-8: board minutes');
    expect(reply()).toBe('Kept minutes.pdf as evidence for BTP-CDI-8. The plan owner sees it when verifying.');
    const a = await action('8');
    const [evidence] = await db().evidence.findMany({ where: { actionId: a.id } });
    expect(evidence).toMatchObject({ kind: 'file', fileName: 'minutes.pdf', size: served['/minutes.pdf'].length });
    expect(Buffer.from(evidence.content!).equals(served['/minutes.pdf'])).toBe(true);
    const history = await db().update.findFirstOrThrow({ where: { actionId: a.id, kind: 'evidence' } });
    expect(JSON.parse(history.detail!)).toEqual({ evidenceIds: [evidence.id] });

    expect(cardText(await complete('8'))).toContain('now complete');
    const out = await db().outboxMessage.findFirstOrThrow({
      where: { purpose: 'approval', idempotencyKey: { contains: a.id } },
    });
    expect(plain(queuedActivity(out).attachments[0].content.body)).toContain('minutes.pdf (1 KB), sent 1 Jun 2015');
  });
});
