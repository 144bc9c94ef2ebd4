/** Shared by the reminder job tests: a core context on a test clock, the job, and what it queued. */
import { loadConfig } from '../../core/config';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db/client';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { remindersJob } from '../../jobs/reminders';
import type { JobDeps } from '../../jobs/job';
import type { TestClock } from '../helpers/clock';
import { withHistoryUnlocked } from '../helpers/db';
import { queuedActivity } from '../helpers/outbox';

export const silentLog = { info: () => undefined, warn: jest.fn(), error: () => undefined };

export function coreFor(db: Db, clock: TestClock): CoreContext {
  return { db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
}

export function jobDeps(core: CoreContext): JobDeps {
  return {
    core,
    config: loadConfig({ REMINDER_TIME: '09:00', DEFAULT_TIME_ZONE: 'Europe/London' }),
    instanceId: 'test',
    log: silentLog,
  };
}

export const runJob = (core: CoreContext) => remindersJob.run(jobDeps(core));

/** Empties what the reminder tests write, so a file's tests share one database (creating one is slow on PostgreSQL). */
export async function wipe(db: Db) {
  const p = db.prisma;
  await p.reminderLog.deleteMany();
  await p.outboxMessage.deleteMany();
  await p.conversationRef.deleteMany();
  await withHistoryUnlocked(db, async () => {
    await p.plan.deleteMany();
    await p.person.updateMany({ data: { delegateId: null } });
    await p.person.deleteMany();
  });
  await p.post.deleteMany();
}

/** A 1:1 chat with the bot, as capture-identity stores it. */
export function addConversation(db: Db, personId: string, serviceUrl = 'http://127.0.0.1:9') {
  return db.prisma.conversationRef.create({
    data: {
      conversationId: `a:personal-${personId}`,
      scope: 'personal',
      personId,
      serviceUrl,
      reference: JSON.stringify({ serviceUrl }),
    },
  });
}

export interface SentReminder {
  /** The card's local date and recipient, from its idempotency key. */
  date: string;
  to: string;
  card: string;
  ref: string;
  kind: string;
}

/** Every recorded reminder with the card that carried it, sorted. */
export async function sentReminders(db: Db): Promise<SentReminder[]> {
  const people = new Map((await db.prisma.person.findMany()).map((p) => [p.id, p.displayName]));
  const outbox = new Map((await db.prisma.outboxMessage.findMany()).map((o) => [o.id, o]));
  const logs = await db.prisma.reminderLog.findMany({ include: { action: { select: { ref: true } } } });
  return logs
    .map((l) => {
      const [card, personId, date] = outbox.get(l.outboxId!)!.idempotencyKey.split(':');
      return { date, to: people.get(personId)!, card, ref: l.action.ref, kind: l.kind };
    })
    .sort((a, b) => `${a.date}${a.to}${a.ref}`.localeCompare(`${b.date}${b.to}${b.ref}`));
}

/** The card JSON of a queued message. */
export function cardOf(row: { activity: string | null }) {
  return queuedActivity(row).attachments[0].content;
}
