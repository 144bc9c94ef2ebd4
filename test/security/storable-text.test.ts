/**
 * U+0000 and other unstorable characters are removed where text enters, so PostgreSQL and SQLite store the
 * same thing: a display name with one no longer breaks that person's messages on PostgreSQL, a note with one
 * is saved, and a plan file with one imports.
 */
import { parsePlan } from '../../core/import/parse-plan';
import { cardAction, message, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPlan } from '../helpers/fixtures';

const NUL = '\u0000';
const ODD: TestUser = {
  id: 'user-id-7',
  name: `Ann${NUL} Other\uFFFF`,
  aadObjectId: '00000000-0000-0000-0000-0000000000077',
};
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-06-01T09:00:00Z' });
  await seedPlan(bot.chaser.core.db, { key: 'BTP-CDI', actions: [{ ref: '7', owners: ['FCR'], due: '2015-06-30' }] });
});
afterAll(() => bot.stop());

it('stores a display name without the characters PostgreSQL refuses, and answers its owner every time', async () => {
  for (let i = 0; i < 2; i++) {
    bot.connector.clear();
    expect((await bot.post(message('help', { serviceUrl: bot.connector.url, user: ODD }))).status).toBe(200);
    expect(bot.connector.sends()).toHaveLength(1);
  }
  const person = await bot.chaser.core.db.prisma.person.findFirstOrThrow({ where: { teamsUserId: ODD.id } });
  expect(person.displayName).toBe('Ann Other');
});

it('saves a note with U+0000 in it, without it', async () => {
  const post = await bot.chaser.core.db.prisma.post.findUniqueOrThrow({ where: { name: 'FCR' } });
  const person = await bot.chaser.core.db.prisma.person.findFirstOrThrow({ where: { teamsUserId: ODD.id } });
  await bot.chaser.core.db.prisma.postHolding.create({
    data: { postId: post.id, personId: person.id, from: new Date('2015-01-01') },
  });
  const action = await bot.chaser.core.db.prisma.action.findFirstOrThrow({ where: { ref: '7' } });
  const res = await bot.post(
    cardAction(
      'action.update',
      { actionId: action.id, version: action.version, status: 'AMBER', note: `Slipping${NUL} a week` },
      { serviceUrl: bot.connector.url, user: ODD },
    ),
  );
  expect(res.status).toBe(200);
  expect(
    (await bot.chaser.core.db.prisma.update.findFirstOrThrow({ where: { actionId: action.id, kind: 'progress' } }))
      .text,
  ).toBe('Slipping a week');
});

it('reads a plan file with U+0000 in a cell', () => {
  const plan = parsePlan(Buffer.from(`Ref,Action,Owner,Due date\n1,Audit${NUL} records,FCR,31/03/2025\n`), 'nul.csv');
  expect(plan.recommendations.flatMap((r) => r.actions.map((a) => a.text))).toEqual(['Audit records']);
});
