/**
 * Builds small plans straight into the database for tests: a plan, its recommendations and actions,
 * posts and the people holding them. Dates are "YYYY-MM-DD".
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../core/db/client';
import { appendHistory } from '../../core/history/append';
import type { Priority } from '../../core/domain';
import { dateOnly } from '../../core/time';
import type { TestUser } from './activities';

export interface ActionSpec {
  ref: string;
  text?: string;
  owners?: string[];
  due?: string | null;
  dueText?: string;
  status?: 'open' | 'awaiting_verification' | 'complete';
  reportedRag?: 'RED' | 'AMBER' | 'GREEN' | null;
  priority?: Priority;
  /** Dated progress notes, oldest first. */
  updates?: { at: string; text: string }[];
  createdAt?: string;
}

export interface PlanSpec {
  key: string;
  title?: string;
  owner?: string;
  createdAt?: string;
  actions: ActionSpec[];
}

export interface PersonSpec {
  displayName: string;
  teamsUserId?: string;
  aadObjectId?: string;
  posts?: string[];
  timeZone?: string;
  role?: 'admin' | 'member';
}

export async function seedPlan(db: Db, spec: PlanSpec) {
  const p = db.prisma;
  const created = spec.createdAt ? new Date(`${spec.createdAt}T00:00:00Z`) : undefined;
  const owner = spec.owner ? await ensurePost(db, spec.owner) : null;
  const plan = await p.plan.create({
    data: { key: spec.key, title: spec.title ?? spec.key, ownerPostId: owner?.id, createdAt: created },
  });
  const rec = await p.recommendation.create({
    data: { planId: plan.id, ref: '1', text: `Recommendation of ${spec.key}`, position: 0 },
  });
  for (const [i, a] of spec.actions.entries()) {
    const updates = a.updates ?? [];
    const last = updates.length ? dateOnly(updates[updates.length - 1].at) : null;
    const action = await p.action.create({
      data: {
        id: randomUUID(),
        planId: plan.id,
        recommendationId: rec.id,
        ref: a.ref,
        text: a.text ?? `Action ${a.ref}`,
        dueDate: a.due ? dateOnly(a.due) : null,
        dueText: a.dueText ?? a.due ?? 'Ongoing',
        duePrecision: a.due ? 'day' : 'none',
        status: a.status ?? 'open',
        reportedRag: a.reportedRag ?? null,
        priority: a.priority ?? null,
        reportedRagAt: a.reportedRag ? last : null,
        lastUpdateAt: last,
        position: i,
        createdAt: a.createdAt ? dateOnly(a.createdAt) : created,
      },
    });
    for (const [j, name] of (a.owners ?? []).entries()) {
      const post = await ensurePost(db, name);
      await p.actionOwner.create({ data: { actionId: action.id, postId: post.id, position: j } });
    }
    for (const u of updates) {
      await appendHistory(p, {
        actionId: action.id,
        at: dateOnly(u.at),
        kind: 'progress',
        text: u.text,
        authorName: 'test',
      });
    }
  }
  return plan;
}

export async function seedPerson(db: Db, spec: PersonSpec) {
  const person = await db.prisma.person.create({
    data: {
      displayName: spec.displayName,
      teamsUserId: spec.teamsUserId,
      aadObjectId: spec.aadObjectId,
      timeZone: spec.timeZone,
      role: spec.role ?? 'member',
    },
  });
  for (const name of spec.posts ?? []) {
    const post = await ensurePost(db, name);
    await db.prisma.postHolding.create({
      data: { postId: post.id, personId: person.id, from: new Date('2000-01-01T00:00:00Z') },
    });
  }
  return person;
}

/** The person a test user of activities.ts is, holding `posts`. */
export function seedTeamsUser(db: Db, user: TestUser, posts: string[] = []) {
  return seedPerson(db, { displayName: user.name, teamsUserId: user.id, aadObjectId: user.aadObjectId, posts });
}

function ensurePost(db: Db, name: string) {
  return db.prisma.post.upsert({ where: { name }, create: { name }, update: {} });
}
