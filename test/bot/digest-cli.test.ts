/** `npm run chaser -- board …` and `digest …` against the bot's database. */
import { runCliText } from '../helpers/cli';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPlan } from '../helpers/fixtures';
import { testClock } from '../helpers/clock';

let t: TestDatabase;
const clock = testClock('2015-06-08T09:00:00Z');

const cli = (...argv: string[]) => runCliText(t.url, clock.now, argv);
const board = () => t.db.prisma.board.findUnique({ where: { key: 'ICB' } });

beforeAll(async () => {
  t = await createTestDb();
  await seedPlan(t.db, {
    key: 'BTP-CDI',
    createdAt: '2015-01-01',
    actions: [{ ref: '7', text: 'Issue guidance', owners: ['FCR'], due: '2015-05-01' }],
  });
});
afterAll(() => t.drop());

describe('board and digest commands', () => {
  it('links only a channel the bot already knows', async () => {
    const r = await cli('board', 'link', 'ICB', '--conversation', '19:general@thread.tacv2');
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('known channels: none yet') });
    expect(await board()).toBeNull();
  });

  it('links, follows and schedules', async () => {
    await t.db.prisma.conversationRef.create({
      data: {
        conversationId: '19:general@thread.tacv2',
        scope: 'channel',
        channelName: 'General',
        serviceUrl: 'http://x',
        reference: '{}',
      },
    });
    expect(
      await cli(
        'board',
        'link',
        'icb',
        '--conversation',
        '19:general@thread.tacv2',
        '--name',
        'Integrity and Compliance Board',
      ),
    ).toMatchObject({
      code: 0,
      out: expect.stringContaining('Linked General to board ICB (Integrity and Compliance Board)'),
    });
    expect(await cli('board', 'follow', 'ICB', 'btp-cdi')).toMatchObject({
      code: 0,
      out: expect.stringContaining('now follows BTP-CDI'),
    });
    expect(await cli('board', 'schedule', 'ICB', 'every', 'Friday', '16:30')).toMatchObject({
      code: 0,
      out: 'Board ICB digests: Fri 16:30 (Europe/London).',
    });
    expect(await cli('board', 'schedule', 'ICB', 'every', 'Friday')).toMatchObject({ code: 1 });
    expect(await board()).toMatchObject({ digestCron: '30 16 * * 5', name: 'Integrity and Compliance Board' });
  });

  it('prints a digest as of a date at the board time, as text or card JSON', async () => {
    const text = await cli('digest', '--board', 'ICB', '--as-of', '2015-06-05', '--dry-run');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Integrity and Compliance Board (ICB): digest as of Fri 5 Jun 2015 16:30');
    expect(text.out).toContain('Red 1 · Amber 0 · Green 0 · Complete 0');
    expect(text.out).toContain('BTP-CDI-7  Issue guidance');
    const json = await cli('digest', '--board', 'ICB', '--as-of', '2015-04-01T08:00', '--dry-run', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(json.out).toContain('As of Wed 1 Apr 2015 08:00');
    const amber = JSON.parse(json.out).body.find((e: { type: string }) => e.type === 'ColumnSet').columns[1];
    expect(amber.items.map((i: { text: string }) => i.text)).toEqual(['Amber', '1']);
    expect(await t.db.prisma.outboxMessage.count()).toBe(0);
  });

  it('queues a digest for the channel once per moment', async () => {
    expect(await cli('digest', '--board', 'ICB', '--as-of', '2015-06-05')).toMatchObject({
      code: 0,
      out: expect.stringContaining('queued the ICB digest'),
    });
    await cli('digest', '--board', 'ICB', '--as-of', '2015-06-05');
    const rows = await t.db.prisma.outboxMessage.findMany({ include: { conversation: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'digest', conversation: { conversationId: '19:general@thread.tacv2' } });
  });

  it('refuses bad input and an unlinked board', async () => {
    expect(await cli('digest', '--board', 'NOPE')).toMatchObject({ code: 2, err: 'no board with key NOPE' });
    expect(await cli('digest', '--board', 'ICB', '--as-of', 'soon')).toMatchObject({ code: 2 });
    expect(await cli('board', 'unlink', 'ICB')).toMatchObject({
      code: 0,
      out: 'Unlinked board ICB: no more digests here.',
    });
    expect(await cli('digest', '--board', 'ICB')).toMatchObject({
      code: 1,
      err: expect.stringContaining('not linked'),
    });
  });
});
