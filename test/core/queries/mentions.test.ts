/** A question's @mentions resolved by the ids Teams gives them, not by the names they show. */
import { mentionedPeople } from '../../../core/query/mentions';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson } from '../../helpers/fixtures';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.drop());

it('finds each mentioned person by Teams id or AAD object id, in the order mentioned', async () => {
  const byTeams = await seedPerson(t.db, { displayName: 'Alex Wilber', teamsUserId: '29:alex-1' });
  const byAad = await seedPerson(t.db, { displayName: 'Alex Wilber', aadObjectId: 'aad-alex-2' });
  await seedPerson(t.db, { displayName: 'Alex Wilber' });
  const found = await mentionedPeople(t, [
    { name: 'Alex Wilber', teamsUserId: '29:unknown', aadObjectId: 'aad-alex-2' },
    { name: 'Someone New', teamsUserId: '29:never-seen' },
    { name: 'Alex Wilber', teamsUserId: '29:alex-1' },
  ]);
  expect(found).toEqual([
    { name: 'Alex Wilber', personId: byAad.id },
    { name: 'Alex Wilber', personId: byTeams.id },
  ]);
});

it('reads nothing for a message that mentions no one', async () => {
  expect(await mentionedPeople(t, [])).toEqual([]);
  expect(await mentionedPeople(t, [{ name: 'Alex Wilber' }])).toEqual([]);
});
