/** The parser's names come from the database, compiled once and rebuilt as soon as a name changes. */
import { loadLexicon } from '../../../core/query/lexicon-source';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.drop());

it('reuses the compiled lexicon while nothing changed', async () => {
  await seedPlan(t.db, { key: 'BTP-CDI', actions: [{ ref: '1', text: 'Fix', owners: ['FCR'] }] });
  const first = await loadLexicon(t);
  expect(await loadLexicon(t)).toBe(first);
  expect(first.lexicon).toMatchObject({ plans: [{ key: 'BTP-CDI' }], posts: ['FCR'] });
});

it('rebuilds when a plan, post, board or person is added or renamed', async () => {
  const before = await loadLexicon(t);
  await seedPlan(t.db, { key: 'NCRS', actions: [{ ref: '1', text: 'Fix', owners: ['Head of SDD'] }] });
  const withPlan = await loadLexicon(t);
  expect(withPlan).not.toBe(before);
  expect(withPlan.lexicon).toMatchObject({ plans: [{ key: 'NCRS' }], posts: ['Head of SDD'] });

  await t.db.prisma.board.create({ data: { key: 'ICB', name: 'Integrity and Compliance Board' } });
  expect((await loadLexicon(t)).lexicon.boards).toEqual([{ key: 'ICB', name: 'Integrity and Compliance Board' }]);

  const person = await seedPerson(t.db, { displayName: 'Alex Wilber' });
  expect((await loadLexicon(t)).lexicon.people).toEqual([{ id: person.id, displayName: 'Alex Wilber' }]);
  // A later updatedAt: a clock tick between the two writes is not guaranteed, so set it explicitly.
  await t.db.prisma.person.update({
    where: { id: person.id },
    data: { displayName: 'Alex W', updatedAt: new Date(Date.now() + 60_000) },
  });
  expect((await loadLexicon(t)).lexicon.people).toEqual([{ id: person.id, displayName: 'Alex W' }]);
});
