/** Each activity records its sender and conversation, writing only what changed (and a periodic refresh). */
import { CONVERSATION_REFRESH_MS, recordActivityIdentity } from '../../../core/people/teams-identity';
import { createTestDb, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.drop());

const alex = {
  aadObjectId: 'aad-alex',
  teamsUserId: 'user-alex',
  displayName: 'Alex Wilber',
  tenantId: 'tenant',
  timeZone: 'Europe/London',
};
const chat = (activityId: string, serviceUrl = 'https://smba.example/emea/') => ({
  conversationId: 'a:alex',
  scope: 'personal' as const,
  tenantId: 'tenant',
  serviceUrl,
  reference: {
    activityId,
    user: { id: 'user-alex' },
    bot: { id: '28:bot' },
    conversation: { id: 'a:alex' },
    channelId: 'msteams',
    serviceUrl,
  },
});
const stored = () => t.db.prisma.conversationRef.findUniqueOrThrow({ where: { conversationId: 'a:alex' } });
const personOf = () => t.db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: 'aad-alex' } });

it('stores the sender and their chat on first contact', async () => {
  const { person } = await recordActivityIdentity(t, alex, chat('act-1'));
  expect(person).toMatchObject({ displayName: 'Alex Wilber', timeZone: 'Europe/London' });
  expect(await stored()).toMatchObject({
    personId: person.id,
    scope: 'personal',
    state: 'active',
    serviceUrl: 'https://smba.example/emea/',
  });
  expect(JSON.parse((await stored()).reference).activityId).toBe('act-1');
});

it('does not rewrite an unchanged conversation on the next activity', async () => {
  await recordActivityIdentity(t, alex, chat('act-1'));
  const before = await stored();
  await recordActivityIdentity(t, alex, chat('act-2'));
  expect(await stored()).toEqual(before);
});

it('saves a changed service URL, name or time zone at once', async () => {
  await recordActivityIdentity(t, alex, chat('act-1'));
  await recordActivityIdentity(
    t,
    { ...alex, displayName: 'Alex W', timeZone: 'America/New_York' },
    chat('act-2', 'https://smba.example/amer/'),
  );
  expect(await personOf()).toMatchObject({ displayName: 'Alex W', timeZone: 'America/New_York' });
  const conv = await stored();
  expect(conv.serviceUrl).toBe('https://smba.example/amer/');
  expect(JSON.parse(conv.reference)).toMatchObject({ activityId: 'act-2', serviceUrl: 'https://smba.example/amer/' });
});

it('revives a gone conversation when its user comes back', async () => {
  await recordActivityIdentity(t, alex, chat('act-1'));
  await t.db.prisma.conversationRef.update({
    where: { conversationId: 'a:alex' },
    data: { state: 'gone', goneReason: '403' },
  });
  await recordActivityIdentity(t, alex, chat('act-2'));
  expect(await stored()).toMatchObject({ state: 'active', goneReason: null });
});

// updatedAt picks a person's most recently used chat: a chat in use is touched at least once a window.
it('refreshes an unchanged conversation once its last write is older than the refresh window', async () => {
  await recordActivityIdentity(t, alex, chat('act-1'));
  const old = new Date(Date.now() - CONVERSATION_REFRESH_MS - 1000);
  await t.db.prisma.conversationRef.update({ where: { conversationId: 'a:alex' }, data: { updatedAt: old } });
  await recordActivityIdentity(t, alex, chat('act-2'));
  const conv = await stored();
  expect(conv.updatedAt.getTime()).toBeGreaterThan(old.getTime() + CONVERSATION_REFRESH_MS);
  expect(JSON.parse(conv.reference).activityId).toBe('act-2');
});

it('finds a sender by AAD object id first, else by Teams user id, and never moves a person to another Teams id', async () => {
  const { person } = await recordActivityIdentity(t, alex, chat('act-1'));
  const { aadObjectId: _, ...withoutAad } = alex;
  expect((await recordActivityIdentity(t, withoutAad, chat('act-2'))).person.id).toBe(person.id);
  // Another Teams id with the same AAD object id is kept apart: a person's record never moves without an admin.
  expect((await recordActivityIdentity(t, { ...alex, teamsUserId: 'user-alex-2' }, chat('act-3'))).person.id).not.toBe(
    person.id,
  );
  expect(await t.db.prisma.person.count()).toBe(2);
  expect(await personOf()).toMatchObject({ teamsUserId: alex.teamsUserId });
});
