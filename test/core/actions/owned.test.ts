/** ownedBy: the actions some posts own, as a filter, listed by id or (past the limit) as Prisma's EXISTS. */
import { ownedBy } from '../../../core/actions/owned';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
let posts: Map<string, string>;

beforeAll(async () => {
  t = await createTestDb();
  await seedPlan(t.db, {
    key: 'BTP',
    actions: [
      { ref: '1', owners: ['FCR'] },
      { ref: '2', owners: ['FCR', 'Crime Registrar'] },
      { ref: '3', owners: ['Crime Registrar'] },
      { ref: '4', owners: ['Head of SDD'] },
    ],
  });
  posts = new Map((await t.db.prisma.post.findMany()).map((p) => [p.name, p.id]));
});
afterAll(() => t.drop());

const refsOwnedBy = async (names: string[], limit?: number) => {
  const where = await ownedBy({ db: t.db }, names.map((n) => posts.get(n)!), limit);
  return { where, refs: (await t.db.prisma.action.findMany({ where, select: { ref: true }, orderBy: { ref: 'asc' } })).map((a) => a.ref) };
};

it('lists the actions of the posts by id, each once, when they are few', async () => {
  const { where, refs } = await refsOwnedBy(['FCR', 'Crime Registrar']);
  expect(refs).toEqual(['1', '2', '3']);
  expect(where).toEqual({ id: { in: expect.any(Array) } });
  expect((where.id as { in: string[] }).in).toHaveLength(3);
});

it('keeps the EXISTS filter past the limit, selecting the same actions', async () => {
  const { where, refs } = await refsOwnedBy(['FCR', 'Crime Registrar'], 2);
  expect(refs).toEqual(['1', '2', '3']);
  expect(where).toHaveProperty('owners');
});

it('selects nothing for no posts', async () => {
  expect((await refsOwnedBy([])).refs).toEqual([]);
});
