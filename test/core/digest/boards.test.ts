/** Who may change a board: a plan owner cannot take over another owner's board by making it follow their plan. */
import { followPlan, linkBoard, scheduleDigest, unlinkBoard } from '../../../core/digest/boards';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';
import { testClock } from '../../helpers/clock';

let t: TestDatabase;
const clock = testClock('2026-11-24T09:00:00Z');
const ctx = () => ({
  db: t.db,
  now: clock.now,
  timeZone: 'Europe/London',
  ragWindows: DEFAULT_RAG_WINDOWS,
  adminAadIds: [],
});

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe('board control', () => {
  it('lets only owners of plans the board already follows (or admins) change it', async () => {
    await seedPlan(t.db, { key: 'ICB-PLAN', owner: 'Head of Audit', actions: [] });
    await seedPlan(t.db, { key: 'OTHER', owner: 'Head of Estates', actions: [] });
    const admin = await seedPerson(t.db, { displayName: 'Ada Admin', role: 'admin' });
    const owner = await seedPerson(t.db, { displayName: 'Olu Owner', posts: ['Head of Audit'] });
    const intruder = await seedPerson(t.db, { displayName: 'Ian Intruder', posts: ['Head of Estates'] });
    const channel = await t.db.prisma.conversationRef.create({
      data: { conversationId: '19:icb', scope: 'channel', serviceUrl: 'http://x', reference: '{}' },
    });

    const linked = await linkBoard(ctx(), { personId: admin.id }, { key: 'ICB', conversationRefId: channel.id });
    expect(linked.ok).toBe(true);
    const boardId = (linked as { boardId: string }).boardId;
    expect(await followPlan(ctx(), { personId: owner.id }, { boardKey: 'ICB', planKey: 'ICB-PLAN' })).toMatchObject({
      ok: true,
    });

    // The intruder owns a plan, but not one the board follows: refused, and still refused afterwards.
    expect(await followPlan(ctx(), { personId: intruder.id }, { boardKey: 'ICB', planKey: 'OTHER' })).toMatchObject({
      ok: false,
    });
    expect(
      await scheduleDigest(ctx(), { personId: intruder.id }, { boardId, text: 'every Friday 17:00' }),
    ).toMatchObject({ ok: false });
    expect(await unlinkBoard(ctx(), { personId: intruder.id }, boardId)).toMatchObject({ ok: false });
    expect(await t.db.prisma.boardPlan.count({ where: { boardId } })).toBe(1);

    // The owner of a plan the board follows may change it; an admin may add any plan.
    expect(await scheduleDigest(ctx(), { personId: owner.id }, { boardId, text: 'every Friday 17:00' })).toMatchObject({
      ok: true,
    });
    expect(await followPlan(ctx(), { personId: admin.id }, { boardKey: 'ICB', planKey: 'OTHER' })).toMatchObject({
      ok: true,
    });
  });
});
