import { readFileSync } from 'node:fs';
import path from 'node:path';
/**
 * An admin sends a plan file in the personal chat: the bot downloads it from the file-download URL
 * Teams gives (a local file server here), answers with the dry-run card, and Import / Cancel apply or
 * drop it. Non-admins are refused before anything is downloaded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FILE_DOWNLOAD_INFO } from '../../bot/handlers/messages/file-upload';
import { ALEX, MEGAN, cardAction, message, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';

const PLAN = [
  'Ref,Recommendation,Action,Action Owner,Due Date,Latest Update,RAG Status',
  '1,Improve crime recording,Train call handlers,Head of Contact Management,Dec 03,Jan 2004 - Course designed,A',
  ',,Audit a sample of incidents,Force Crime Registrar,Smarch 2004,,',
].join('\n');

let bot: TestBot;
let files: Server;
let filesUrl: string;
const served: Record<string, string | Buffer> = {
  '/ruled-table.pdf': readFileSync(path.join(__dirname, '../fixtures/plans/ruled-table.pdf')),
  '/wiki-page.html': readFileSync(path.join(__dirname, '../fixtures/plans/wiki-page.html')),
  '/plan.csv': PLAN,
  '/notes.csv': 'Minutes\nNothing here',
  '/big.csv': PLAN.repeat(200),
};
const downloads: string[] = [];

beforeAll(async () => {
  files = createServer((req, res) => {
    downloads.push(req.url ?? '');
    if (req.url === '/moved.csv') {
      // A file host that sends the bot on to an internal service.
      res.writeHead(302, { location: 'http://10.1.2.3/admin/secrets.csv' });
      return res.end();
    }
    const body = served[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/csv' });
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  bot = await startTestBot({ env: { ADMIN_AAD_IDS: ALEX.aadObjectId, MAX_UPLOAD_BYTES: '8000' } });
});
afterAll(async () => {
  await bot.stop();
  await new Promise((r) => files.close(r));
});
beforeEach(async () => {
  bot.connector.clear();
  downloads.length = 0;
  await prisma().pendingImport.deleteMany();
});

const where = (user: TestUser = ALEX) => ({ serviceUrl: bot.connector.url, user });
const sendFile = (name: string, user: TestUser = ALEX) =>
  bot.post({
    ...message('', where(user)),
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        name,
        contentUrl: `${filesUrl}/${name}`,
        content: { downloadUrl: `${filesUrl}/${name}`, uniqueId: name, fileType: name.split('.').pop() },
      },
    ],
  });
const lastCard = () => bot.connector.sends().at(-1)!.activity.attachments?.[0]?.content;
const buttons = (card: any) => (card.actions ?? []).map((a: any) => [a.title, a.verb, a.data.pendingImportId]);
const prisma = () => bot.chaser.core.db.prisma;
/** A card's text as shown: Markdown escapes removed. */
const shown = (card: any): string =>
  card.body
    .map((b: any) => b.text)
    .join('\n')
    .replace(/\\(.)/g, '$1');

describe('importing a plan file sent in chat', () => {
  it('never fetches a file from another machine in local mode, nor follows a redirect there', async () => {
    await bot.post({
      ...message('', where()),
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          name: 'plan.csv',
          content: { downloadUrl: 'http://169.254.169.254/latest/meta-data/plan.csv', uniqueId: 'x', fileType: 'csv' },
        },
      ],
    });
    expect(bot.connector.sends().at(-1)!.activity.text).toBe(
      'I can only fetch files Teams keeps (in OneDrive or SharePoint), so I did not download plan.csv. Nothing was saved.',
    );
    await sendFile('moved.csv');
    expect(downloads).toEqual(['/moved.csv']);
    expect(bot.connector.sends().at(-1)!.activity.text).toContain('so I did not download moved.csv');
    expect(await prisma().pendingImport.count()).toBe(0);
  });

  it('reads a plan published as PDF', async () => {
    await sendFile('ruled-table.pdf');
    const text = shown(lastCard());
    expect(text).toContain('Import ruled-table.pdf into plan RULED-TABLE?');
    expect(text).toContain('Would create 4 recommendations, 4 actions, 4 owner posts and 0 updates');
  });

  it('reads a plan kept as a wiki page and saved as HTML', async () => {
    await sendFile('wiki-page.html');
    const text = shown(lastCard());
    expect(text).toContain('Import wiki-page.html into plan');
    expect(text).toContain('Would create 2 recommendations, 3 actions, 2 owner posts and 0 updates');
  });

  it('answers an admin with the dry-run report, holding the file until Import', async () => {
    expect((await sendFile('plan.csv')).status).toBe(200);
    const card = lastCard();
    const text = shown(card);
    expect(text).toContain('Import plan.csv into plan PLAN?');
    expect(text).toContain('Would create 1 recommendations, 2 actions, 2 owner posts and 1 updates');
    expect(text).toContain("plan.csv row 3, Due Date: due date 'Smarch 2004' not understood — kept as text, no date");
    const pending = await prisma().pendingImport.findFirstOrThrow();
    expect(buttons(card)).toEqual([
      ['Import', 'import.confirm', pending.id],
      ['Cancel', 'import.cancel', pending.id],
    ]);
    expect(await prisma().plan.count()).toBe(0);

    const res = await bot.post(cardAction('import.confirm', { pendingImportId: pending.id }, where()));
    expect(shown(res.body.value)).toContain('Imported plan.csv into plan PLAN');
    expect(await prisma().action.count({ where: { plan: { key: 'PLAN' } } })).toBe(2);
    expect(await prisma().pendingImport.count()).toBe(0);

    const again = await bot.post(cardAction('import.confirm', { pendingImportId: pending.id }, where()));
    expect(shown(again.body.value)).toContain('already imported or cancelled');
    expect(await prisma().action.count()).toBe(2);
  });

  it('drops the file on Cancel', async () => {
    await sendFile('plan.csv');
    const pending = await prisma().pendingImport.findFirstOrThrow();
    const res = await bot.post(cardAction('import.cancel', { pendingImportId: pending.id }, where()));
    expect(shown(res.body.value)).toContain('Cancelled: plan.csv was not imported.');
    expect(await prisma().pendingImport.count()).toBe(0);
  });

  it("does not let someone else confirm an admin's file", async () => {
    await sendFile('plan.csv');
    const pending = await prisma().pendingImport.findFirstOrThrow();
    const res = await bot.post(cardAction('import.confirm', { pendingImportId: pending.id }, where(MEGAN)));
    expect(shown(res.body.value)).toContain('already imported or cancelled');
    expect(await prisma().pendingImport.count()).toBe(1);
  });

  it('politely refuses a non-admin, without downloading the file', async () => {
    await sendFile('plan.csv', MEGAN);
    expect(bot.connector.sends().at(-1)!.activity.text).toBe(
      'Sorry, only an admin can import plans. Ask your Chaser admin to import this file for you.',
    );
    expect(downloads).toEqual([]);
  });

  it('says what is wrong with a file that has no plan table, and holds nothing', async () => {
    await sendFile('notes.csv');
    const text = shown(lastCard());
    expect(text).toContain('notes.csv cannot be imported');
    expect(text).toContain('no plan table found');
    expect(lastCard().actions).toBeUndefined();
    expect(await prisma().pendingImport.count()).toBe(0);
  });

  it('refuses a file over MAX_UPLOAD_BYTES', async () => {
    await sendFile('big.csv');
    expect(bot.connector.sends().at(-1)!.activity.text).toBe(
      'big.csv is larger than 8 KB, the largest plan file Chaser imports.',
    );
  });

  it('says which files it takes, and tells a failed download apart', async () => {
    await sendFile('photo.png');
    expect(bot.connector.sends().at(-1)!.activity.text).toMatch(/^I can import plans sent as \.xlsx, \.csv/);
    await sendFile('missing.csv');
    expect(bot.connector.sends().at(-1)!.activity.text).toBe('I could not download missing.csv. Please send it again.');
  });
});
