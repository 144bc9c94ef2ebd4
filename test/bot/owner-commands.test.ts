/** Personal-chat commands over HTTP: my actions, snooze, away, delegate, stop/start reminders. */
import { ALEX, MEGAN, STRANGER, cardAction, message, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';

let bot: TestBot;
const db = () => bot.chaser.core.db.prisma;

beforeAll(async () => {
  // Monday 1 June 2015.
  bot = await startTestBot({ now: '2015-06-01T09:00:00Z' });
  await seedPlan(bot.chaser.core.db, {
    key: 'BTP-CDI',
    actions: Array.from({ length: 7 }, (_, i) => ({
      ref: String(i + 1),
      text: `Task ${i + 1}`,
      owners: ['Head of Offender Management'],
      due: `2015-0${7 + (i % 3)}-1${i}`,
    })).concat([
      {
        ref: '8',
        text: 'Done already',
        owners: ['Head of Offender Management'],
        due: '2015-07-01',
        status: 'complete',
      } as any,
      { ref: '9', text: 'Someone else', owners: ['FCR'], due: '2015-07-01' },
    ]),
  });
  for (const [u, posts] of [
    [ALEX, ['Head of Offender Management']],
    [MEGAN, ['FCR']],
    [STRANGER, []],
  ] as const) {
    await seedPerson(bot.chaser.core.db, {
      displayName: u.name,
      teamsUserId: u.id,
      aadObjectId: u.aadObjectId,
      posts: [...posts],
    });
  }
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

async function say(text: string, user: TestUser = ALEX, extra: object = {}) {
  bot.connector.clear();
  await bot.post({ ...message(text, { serviceUrl: bot.connector.url, user }), ...extra });
  const [sent] = bot.connector.sends();
  return { text: sent.activity.text as string | undefined, card: sent.activity.attachments?.[0]?.content };
}
const person = (u: TestUser) => db().person.findFirstOrThrow({ where: { teamsUserId: u.id } });

describe('my actions', () => {
  it("lists the sender's open actions, soonest due first, with an Update button each, five at a time", async () => {
    const { card } = await say('my actions');
    const body = JSON.stringify(card.body);
    expect(body).toContain('Your open actions — 1–5 of 7');
    expect(body).not.toContain('Done already');
    expect(body).not.toContain('Someone else');
    const buttons = card.body.filter((b: any) => b.type === 'Container').map((c: any) => c.items[2].actions[0]);
    expect(buttons).toHaveLength(5);
    expect(buttons[0]).toMatchObject({ type: 'Action.Execute', verb: 'action.open' });
    expect(card.actions[0]).toMatchObject({ verb: 'myactions.page', title: 'Next 2', data: { page: 1 } });

    const next = await bot.post(
      cardAction('myactions.page', { page: 1 }, { serviceUrl: bot.connector.url, user: ALEX }),
    );
    expect(JSON.stringify(next.body.value.body)).toContain('6–7 of 7');
    // Each page refreshes itself when Alex views it, so it never offers work as it was.
    expect([card.refresh, next.body.value.refresh]).toEqual([
      {
        action: expect.objectContaining({ verb: 'myactions.page', data: { verb: 'myactions.page', page: 0 } }),
        userIds: [ALEX.id],
      },
      {
        action: expect.objectContaining({ verb: 'myactions.page', data: { verb: 'myactions.page', page: 1 } }),
        userIds: [ALEX.id],
      },
    ]);
  });

  it('includes actions of someone who delegated to the sender, and says so when there are none', async () => {
    expect(JSON.stringify((await say('my actions', STRANGER)).card.body)).toContain('You have no open actions');
    await db().person.update({
      where: { id: (await person(MEGAN)).id },
      data: { delegateId: (await person(STRANGER)).id },
    });
    expect(JSON.stringify((await say('My actions', STRANGER)).card.body)).toContain('Someone else');
    await db().person.update({ where: { id: (await person(MEGAN)).id }, data: { delegateId: null } });
  });
});

describe('snooze', () => {
  it('snoozes an action the sender owns until a date relative to the clock', async () => {
    expect((await say('snooze BTP-CDI-7 3 days')).text).toBe(
      'Snoozed BTP-CDI-7: no reminders about it until 4 Jun 2015.',
    );
    const a = await db().action.findFirstOrThrow({ where: { ref: '7' } });
    expect(a.snoozedUntil?.toISOString()).toBe('2015-06-04T00:00:00.000Z');
    expect((await say('snooze btp-cdi-7 until 2 Dec')).text).toContain('until 2 Dec 2015');
  });

  it('refuses someone who may not update the action, unknown refs and bad durations', async () => {
    expect((await say('snooze BTP-CDI-9 1 week')).text).toContain('Sorry, only the owners of BTP-CDI-9');
    expect((await db().action.findFirstOrThrow({ where: { ref: '9' } })).snoozedUntil).toBeNull();
    expect((await say('snooze XYZ-1 3 days')).text).toContain('I couldn\'t find an action called "XYZ-1"');
    expect((await say('snooze BTP-CDI-7 a while')).text).toContain('I couldn\'t read "a while" as a date');
    expect((await say('snooze BTP-CDI-7 2016-07-01')).text).toContain('is more than a year away');
    expect((await say('snooze BTP-CDI-7 99999999999 days')).text).toContain('is more than a year away');
    expect((await say('snooze')).text).toContain('Tell me which action');
  });
});

describe('away', () => {
  it('records when the sender is back, and "I\'m back" clears it', async () => {
    expect((await say("I'm away until 2 Dec")).text).toContain('back on 2 Dec 2015');
    expect((await person(ALEX)).awayUntil?.toISOString()).toBe('2015-12-02T00:00:00.000Z');
    expect((await say('I am away until Friday')).text).toContain('back on 5 Jun 2015');
    expect((await say("I'm back")).text).toContain('Welcome back');
    expect((await person(ALEX)).awayUntil).toBeNull();
  });

  it('rejects dates it cannot read or that are in the past', async () => {
    expect((await say("I'm away until 2015-05-01")).text).toContain('1 May 2015 is not in the future');
    expect((await say("I'm away until the cows come home")).text).toContain("I couldn't read");
    expect((await say("I'm away for 99999999999 weeks")).text).toContain('is more than a year away');
    expect((await say("I'm away")).text).toContain('Tell me when you are back');
    expect((await person(ALEX)).awayUntil).toBeNull();
  });

  it('asks, instead of guessing next year, about a date without a year that has just passed', async () => {
    // The clock is 1 Jun 2015: "until 20 May" would be 20 May 2016.
    const { card } = await say("I'm away until 20 May");
    expect(card.body[0].text.replace(/\\/g, '')).toBe(
      '20 May 2015 has passed. Did you mean 20 May 2016? Nothing is changed yet.',
    );
    expect(card.body[1].actions[0].data.msteams.value).toBe("I'm away until 20 May 2016");
    expect((await person(ALEX)).awayUntil).toBeNull();
    expect((await say("I'm away until 20 May 2016")).text).toContain('back on 20 May 2016');
    expect((await say('snooze btp-cdi-7 until 20 May')).card.body[1].actions[0].data.msteams.value).toBe(
      'snooze btp-cdi-7 until 20 May 2016',
    );
    await say("I'm back");
  });
});

describe('delegate', () => {
  it('takes a mention, a display name, and "nobody"', async () => {
    const mention = {
      text: 'delegate to <at>Megan Bowen</at>',
      entities: [{ type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: MEGAN.id, name: MEGAN.name } }],
    };
    expect((await say('', ALEX, mention)).text).toContain('Done: Megan Bowen now gets your reminders');
    expect((await person(ALEX)).delegateId).toBe((await person(MEGAN)).id);
    expect((await say('delegate to sam stranger')).text).toContain('Sam Stranger');
    expect((await person(ALEX)).delegateId).toBe((await person(STRANGER)).id);
    expect((await say('delegate to nobody')).text).toBe('Done: you have no delegate now.');
    expect((await person(ALEX)).delegateId).toBeNull();
  });

  it('rejects unknown people, the sender and a missing name', async () => {
    expect((await say('delegate to Zaphod')).text).toContain('I don\'t know anyone called "Zaphod"');
    expect((await say('delegate to Alex Wilber')).text).toBe('You cannot delegate to yourself.');
    expect((await say('delegate')).text).toContain('Tell me who');
    expect((await person(ALEX)).delegateId).toBeNull();
  });
});

describe('stop / start reminders', () => {
  it('pauses and resumes', async () => {
    expect((await say('stop')).text).toContain('Reminders stopped');
    expect((await person(ALEX)).remindersPaused).toBe(true);
    expect((await say('start reminders')).text).toBe('Reminders are on again.');
    expect((await person(ALEX)).remindersPaused).toBe(false);
  });

  it('leaves other messages to the question handler', async () => {
    const reply = await say('stop the war');
    expect(reply.text ?? reply.card).toBeTruthy();
    expect(JSON.stringify(reply)).not.toContain('Reminders stopped');
    expect((await person(ALEX)).remindersPaused).toBe(false);
  });
});
