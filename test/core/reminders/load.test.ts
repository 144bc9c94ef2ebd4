/** A sweep at a large organisation's scale binds no id list longer than the database driver accepts. */
import { existingOutboxKeys, existingReminderKeys } from '../../../core/reminders/load';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it("looks up 70,000 keys at once, past SQLite's and PostgreSQL's parameter limits", async () => {
  const ctx = { db: t.db, now: () => new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const keys = Array.from({ length: 70_000 }, (_, i) => `key-${i}`);
  await expect(existingReminderKeys(ctx, keys)).resolves.toEqual(new Set());
  await expect(existingOutboxKeys(ctx, keys)).resolves.toEqual(new Set());
});
