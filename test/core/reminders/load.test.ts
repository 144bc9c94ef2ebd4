/** A sweep at a large organisation's scale binds no id list longer than the database driver accepts. */
import { existingOutboxKeys, existingReminderKeys, loadActionViews, loadPersonalConversations, loadPostHolders } from '../../../core/reminders/load';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('looks up 5,000 posts, people, keys and actions at once without hitting the parameter limit', async () => {
  const ctx = { db: t.db, now: () => new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
  await expect(loadPostHolders(ctx, ids)).resolves.toEqual(new Map());
  await expect(loadPersonalConversations(ctx, ids)).resolves.toEqual(new Map());
  await expect(existingReminderKeys(ctx, ids)).resolves.toEqual(new Set());
  await expect(existingOutboxKeys(ctx, ids)).resolves.toEqual(new Set());
  await expect(loadActionViews(ctx, ids, ctx.now())).resolves.toEqual(new Map());
});
