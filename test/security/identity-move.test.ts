/**
 * Identity capture never moves an AAD object id from one person to another: a message from a new Teams id
 * carrying an existing person's AAD object id leaves that person as they were and is kept apart.
 */
import { ALEX, message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson } from '../helpers/fixtures';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T09:00:00Z' });
  await seedPerson(bot.chaser.core.db, {
    displayName: ALEX.name,
    teamsUserId: ALEX.id,
    aadObjectId: ALEX.aadObjectId,
    posts: ['Head of SDD'],
  });
});
afterAll(() => bot.stop());

it("keeps Alex's record when another Teams id claims Alex's AAD object id", async () => {
  const impostor = { id: 'user-id-66', name: 'Mallory', aadObjectId: ALEX.aadObjectId };
  expect((await bot.post(message('help', { serviceUrl: bot.connector.url, user: impostor }))).status).toBe(200);
  const people = await bot.chaser.core.db.prisma.person.findMany({
    orderBy: { createdAt: 'asc' },
    select: { displayName: true, teamsUserId: true, aadObjectId: true },
  });
  expect(people).toEqual([
    { displayName: 'Alex Wilber', teamsUserId: ALEX.id, aadObjectId: ALEX.aadObjectId },
    { displayName: 'Mallory', teamsUserId: 'user-id-66', aadObjectId: null },
  ]);
  // Alex, writing as himself, is still Alex.
  expect((await bot.post(message('help', { serviceUrl: bot.connector.url, user: ALEX }))).status).toBe(200);
  expect(await bot.chaser.core.db.prisma.person.count()).toBe(2);
});
