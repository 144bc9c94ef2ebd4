/**
 * Over HTTP with the connector stand-in: the reminder job queues the owner's card, the outbox worker
 * delivers it to their 1:1 chat, and its Next and Update buttons work there.
 */
import { outboxRetentionJob } from '../../jobs/outbox-retention';
import { remindersJob } from '../../jobs/reminders';
import { ALEX, cardAction, MEGAN, message, personalConversationId, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPlan } from '../helpers/fixtures';
import { cardProblems } from '../helpers/adaptive-card';

let bot: TestBot;
const where = (user: TestUser) => ({ serviceUrl: bot.connector.url, user });

beforeAll(async () => {
  bot = await startTestBot({ now: '2026-11-24T08:00:00Z' });
  const db = bot.chaser.core.db;
  await seedPlan(db, {
    key: 'P',
    createdAt: '2026-10-01',
    actions: Array.from({ length: 25 }, (_, i) => ({
      ref: String(i + 1),
      text: `Fix thing ${i + 1}`,
      owners: ['Head A'],
      due: '2026-12-01',
      createdAt: '2026-10-01',
    })),
  });
  // Alex and Megan talk to the bot first (that stores their 1:1 chats); Alex holds the post.
  await bot.post(message('help', where(ALEX)));
  await bot.post(message('help', where(MEGAN)));
  const alex = await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: ALEX.aadObjectId } });
  const post = await db.prisma.post.findUniqueOrThrow({ where: { name: 'Head A' } });
  await db.prisma.postHolding.create({
    data: { postId: post.id, personId: alex.id, from: new Date('2020-01-01T00:00:00Z') },
  });
  bot.connector.clear();
});
afterAll(() => bot.stop());

const deps = () => ({ core: bot.chaser.core, config: bot.chaser.config, instanceId: 'test', log: bot.chaser.log });
const runJob = () => remindersJob.run(deps());

describe('reminder cards over HTTP', () => {
  it("reaches the owner's chat at 09:00 local, once, and pages and opens actions in place", async () => {
    await runJob();
    await bot.chaser.jobs.worker.drain();
    expect(bot.connector.sends()).toEqual([]);

    bot.clock.set('2026-11-24T09:01:00Z');
    await runJob();
    await runJob();
    await bot.chaser.jobs.worker.drain();
    const sends = bot.connector.sends(personalConversationId(ALEX));
    expect(sends).toHaveLength(1);
    expect(bot.connector.sends()).toHaveLength(1);
    const card = sends[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card.body)).toContain('25 actions need your attention');
    const next = card.actions[0];
    expect(next).toMatchObject({ title: 'Next 5', verb: 'reminder.page' });

    const page = await bot.post(cardAction('reminder.page', next.data, where(ALEX)));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body.value.body)).toContain('Showing 21–25 of 25');
    expect(page.body.value.body.filter((b: any) => b.type === 'Container')).toHaveLength(5);
    // In plan order, as on the first page.
    const shown = JSON.stringify(page.body.value.body).match(/Fix thing \d+/g);
    expect(shown).toEqual(['Fix thing 21', 'Fix thing 22', 'Fix thing 23', 'Fix thing 24', 'Fix thing 25']);

    // Someone else cannot page Alex's reminders.
    const stranger = await bot.post(cardAction('reminder.page', next.data, where(MEGAN)));
    expect(JSON.stringify(stranger.body)).toContain('can no longer be paged');

    const update = card.body.find((b: any) => b.type === 'Container').items.find((i: any) => i.type === 'ActionSet')
      .actions[0];
    const open = await bot.post(cardAction(update.verb, update.data, where(ALEX)));
    expect(open.status).toBe(200);
    expect(open.body.value.actions[0]).toMatchObject({
      verb: 'action.update',
      data: { actionId: update.data.actionId },
    });
  });

  it('comes back to the reminder from the update form: Cancel changes nothing, Save shows the card again with the saved row and every other action', async () => {
    const sent = await bot.chaser.core.db.prisma.outboxMessage.findFirstOrThrow({ where: { purpose: 'reminder' } });
    const first = (await bot.post(cardAction('reminder.page', { cardKey: sent.idempotencyKey, page: 0 }, where(ALEX))))
      .body.value;
    const buttons = (card: any) =>
      card.body
        .filter((b: any) => b.type === 'Container')
        .map((c: any) => c.items.find((i: any) => i.type === 'ActionSet').actions[0]);
    const [one, two] = buttons(first);

    // Open the second action's form, then Cancel: the same page, all twenty Update buttons there.
    const form = (await bot.post(cardAction(two.verb, two.data, where(ALEX)))).body.value;
    const cancel = form.actions.find((a: any) => a.title === 'Cancel');
    const back = (await bot.post(cardAction(cancel.verb, cancel.data, where(ALEX)))).body.value;
    expect(buttons(back)).toHaveLength(20);
    expect(JSON.stringify(back.body)).not.toContain('updated by');

    // Open the first, save: the same page again, a banner naming what was saved, and twenty Update buttons.
    const firstForm = (await bot.post(cardAction(one.verb, one.data, where(ALEX)))).body.value;
    const save = firstForm.actions.find((a: any) => a.title === 'Save update');
    const saved = await bot.post(
      cardAction(save.verb, { ...save.data, status: 'AMBER', note: 'Supplier late' }, where(ALEX)),
    );
    const card = saved.body.value;
    expect(card.body[0].text).toMatch(
      /^P\\-1 updated by Alex Wilber at \d\d:\d\d on \d+ \w+ 20\d\d \(Europe\/London\) — now Amber$/,
    );
    expect(card.body[0].color).toBe('Warning');
    expect(buttons(card)).toHaveLength(20);
    expect(JSON.stringify(card.body)).toContain('25 actions need your attention');
    expect(cardProblems(card)).toEqual([]);
    expect(await bot.chaser.core.db.prisma.action.findFirstOrThrow({ where: { ref: '1' } })).toMatchObject({
      reportedRag: 'AMBER',
    });
    expect(await bot.chaser.core.db.prisma.action.findFirstOrThrow({ where: { ref: '2' } })).toMatchObject({
      reportedRag: null,
    });
  });

  it('refreshes itself when its owner views it (Universal Actions), showing an update made elsewhere', async () => {
    const sent = bot.connector.sends(personalConversationId(ALEX))[0].activity.attachments[0].content;
    const row = await bot.chaser.core.db.prisma.outboxMessage.findFirstOrThrow({ where: { purpose: 'reminder' } });
    expect(sent.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'reminder.page',
        data: { verb: 'reminder.page', cardKey: row.idempotencyKey, page: 0 },
      },
      userIds: [ALEX.id],
    });
    expect(JSON.stringify(sent.body)).not.toContain('reported Red');

    // Alex reports P-3 Red from another card; the reminder he sent earlier is now stale.
    const three = await bot.chaser.core.db.prisma.action.findFirstOrThrow({ where: { ref: '3' } });
    const saved = await bot.post(
      cardAction(
        'action.update',
        { actionId: three.id, version: three.version, status: 'RED', note: 'Blocked by the supplier' },
        where(ALEX),
      ),
    );
    expect(saved.status).toBe(200);

    // Teams asks for the card again, unprompted, when Alex opens the chat.
    const automatic = cardAction('reminder.page', sent.refresh.action.data, where(ALEX));
    const refreshed = await bot.post({ ...automatic, value: { ...automatic.value, trigger: 'automatic' } });
    expect(refreshed.status).toBe(200);
    const card = refreshed.body.value;
    expect(JSON.stringify(card.body)).toContain('reported Red');
    expect(card.refresh).toEqual(sent.refresh);
    expect(cardProblems(card)).toEqual([]);
  });

  it('still pages the card once retention has cleared its payload', async () => {
    const sent = await bot.chaser.core.db.prisma.outboxMessage.findFirstOrThrow({ where: { purpose: 'reminder' } });
    bot.clock.set('2027-02-24T09:00:00Z'); // 92 days on, past the default 90
    await outboxRetentionJob.run(deps());
    expect(await bot.chaser.core.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      status: 'sent',
      activity: null,
    });
    const page = await bot.post(cardAction('reminder.page', { cardKey: sent.idempotencyKey, page: 1 }, where(ALEX)));
    expect(JSON.stringify(page.body.value.body)).toContain('Showing 21–25 of 25');
  });
});
