/**
 * Writes a parsed plan into the database as one transaction: upsert by plan + ref, so the same file
 * imported twice changes nothing, and a changed file changes only what changed, recording each change
 * as an immutable Update. A dry run does the same work and rolls it back, so it reports exactly what a
 * real run would do. New rows are written in batches (createMany): a 10,000-row plan is a few queries.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';
import type { Tx } from '../db/tx';
import type { ParsedAction, ParsedPlan, ImportProblem } from './types';

export interface ApplyOptions {
  planKey: string;
  title?: string;
  /** Shown in history: which file the change came from. */
  source: string;
  dryRun?: boolean;
}

export interface ImportChange {
  kind: 'create' | 'update';
  entity: 'plan' | 'recommendation' | 'action';
  ref: string;
  fields?: string[];
}

export interface ImportResult {
  planKey: string;
  dryRun: boolean;
  counts: { recommendations: number; actions: number; owners: number; updates: number };
  created: { recommendations: number; actions: number; updates: number; posts: number };
  updated: { recommendations: number; actions: number };
  changes: ImportChange[];
  problems: ImportProblem[];
}


class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Large plans take longer than Prisma's 5 s default for an interactive transaction. */
const IMPORT_TIMEOUT_MS = 120_000;

export async function applyParsedPlan(ctx: Pick<CoreContext, 'db' | 'now'>, parsed: ParsedPlan, opts: ApplyOptions): Promise<ImportResult> {
  const problems = [...parsed.problems];
  if (problems.some((p) => p.severity === 'error')) {
    return emptyResult(opts, problems);
  }
  try {
    return await ctx.db.prisma.$transaction(
      async (tx) => {
        const result = await write(tx as Tx, parsed, opts, ctx.now(), problems);
        if (opts.dryRun) throw new DryRunRollback(result);
        return result;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: IMPORT_TIMEOUT_MS },
    );
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}

function emptyResult(opts: ApplyOptions, problems: ImportProblem[]): ImportResult {
  return {
    planKey: opts.planKey,
    dryRun: !!opts.dryRun,
    counts: { recommendations: 0, actions: 0, owners: 0, updates: 0 },
    created: { recommendations: 0, actions: 0, updates: 0, posts: 0 },
    updated: { recommendations: 0, actions: 0 },
    changes: [],
    problems,
  };
}

async function write(tx: Tx, parsed: ParsedPlan, opts: ApplyOptions, now: Date, problems: ImportProblem[]): Promise<ImportResult> {
  const result = emptyResult(opts, problems);
  const plan = await upsertPlan(tx, parsed, opts, now, result);
  const postIds = await ensurePosts(tx, parsed, result);

  const existingRecs = new Map((await tx.recommendation.findMany({ where: { planId: plan.id } })).map((r) => [r.ref, r]));
  const existingActions = new Map(
    (await tx.action.findMany({ where: { planId: plan.id }, include: { owners: { orderBy: { position: 'asc' } } } })).map((a) => [a.ref, a]),
  );
  const existingUpdateKeys = new Set(
    (await tx.update.findMany({ where: { action: { planId: plan.id }, idempotencyKey: { startsWith: 'import:' } }, select: { idempotencyKey: true } })).map(
      (u) => u.idempotencyKey!,
    ),
  );

  const newRecs: Prisma.RecommendationCreateManyInput[] = [];
  const newActions: Prisma.ActionCreateManyInput[] = [];
  const newOwners: Prisma.ActionOwnerCreateManyInput[] = [];
  const newUpdates: Prisma.UpdateCreateManyInput[] = [];
  const actionIdByRef = new Map<string, string>();
  let actionPosition = 0;

  for (const [recPosition, rec] of parsed.recommendations.entries()) {
    result.counts.recommendations++;
    const recData = {
      text: rec.text,
      section: rec.section ?? null,
      context: rec.context ?? null,
      sourceLocator: rec.sourceLocator ?? null,
      priority: rec.priority ?? null,
      agreed: rec.agreed ?? null,
      position: recPosition,
    };
    let recId: string;
    const oldRec = existingRecs.get(rec.ref);
    if (!oldRec) {
      recId = randomUUID();
      newRecs.push({ id: recId, planId: plan.id, ref: rec.ref, ...recData });
      result.created.recommendations++;
      result.changes.push({ kind: 'create', entity: 'recommendation', ref: rec.ref });
    } else {
      recId = oldRec.id;
      const fields = changedFields(oldRec, recData);
      if (fields.length) {
        await tx.recommendation.update({ where: { id: recId }, data: recData });
        result.updated.recommendations++;
        result.changes.push({ kind: 'update', entity: 'recommendation', ref: rec.ref, fields });
      }
    }

    for (const action of rec.actions) {
      result.counts.actions++;
      result.counts.owners += action.owners.length;
      const old = existingActions.get(action.ref);
      const data = actionData(action, actionPosition++, recId);
      const actionId = old?.id ?? randomUUID();
      actionIdByRef.set(action.ref, actionId);
      const owners = action.owners.map((o, i) => ({ actionId, postId: postIds.get(o.post)!, roleLabel: o.role ?? null, position: i }));

      const logs = datedLogs(action, parsed.reportDate ?? now, opts.planKey);
      for (const log of logs) {
        result.counts.updates++;
        if (existingUpdateKeys.has(log.key)) continue;
        existingUpdateKeys.add(log.key);
        newUpdates.push({ id: randomUUID(), actionId, at: log.at, authorName: opts.source, kind: 'progress', text: log.text, rag: null, idempotencyKey: log.key });
        result.created.updates++;
      }
      const lastLog = logs.length ? logs[logs.length - 1].at : null;
      const lastUpdateAt = maxDate(old?.lastUpdateAt ?? null, lastLog);
      const stamps = {
        lastUpdateAt,
        reportedRagAt: data.reportedRag ? lastUpdateAt : null,
        completedAt: data.status === 'open' ? null : (old?.completedAt ?? lastUpdateAt ?? data.dueDate ?? null),
      };

      if (!old) {
        newActions.push({ id: actionId, planId: plan.id, ...data, ...stamps, ref: action.ref });
        newOwners.push(...owners);
        result.created.actions++;
        result.changes.push({ kind: 'create', entity: 'action', ref: action.ref });
        continue;
      }
      const fields = changedFields(old, data);
      const ownersChanged = ownerKey(old.owners) !== ownerKey(owners);
      if (ownersChanged) fields.push('owners');
      const stampsChanged = changedFields(old, stamps).length > 0;
      if (!fields.length && !stampsChanged) continue;
      await tx.action.update({
        where: { id: old.id },
        data: { ...data, ...stamps, ...(fields.length ? { version: { increment: 1 } } : {}) },
      });
      if (ownersChanged) {
        await tx.actionOwner.deleteMany({ where: { actionId: old.id } });
        newOwners.push(...owners);
      }
      if (fields.length) {
        newUpdates.push({
          id: randomUUID(),
          actionId: old.id,
          at: now,
          authorName: opts.source,
          kind: 'change',
          text: `Imported from ${opts.source}: ${fields.join(', ')} changed`,
          changes: JSON.stringify(Object.fromEntries(fields.filter((f) => f !== 'owners').map((f) => [f, [jsonable((old as Record<string, unknown>)[f]), jsonable((data as Record<string, unknown>)[f])]]))),
        });
        result.updated.actions++;
        result.changes.push({ kind: 'update', entity: 'action', ref: action.ref, fields });
      }
    }
  }

  await createInChunks(newRecs, (data) => tx.recommendation.createMany({ data }));
  await createInChunks(newActions, (data) => tx.action.createMany({ data }));
  await createInChunks(newOwners, (data) => tx.actionOwner.createMany({ data }));
  await createInChunks(newUpdates, (data) => tx.update.createMany({ data }));
  await writeLinks(tx, parsed, actionIdByRef, result);
  return result;
}

async function upsertPlan(tx: Tx, parsed: ParsedPlan, opts: ApplyOptions, now: Date, result: ImportResult) {
  const existing = await tx.plan.findUnique({ where: { key: opts.planKey } });
  const ownerPost = parsed.planOwner
    ? await tx.post.upsert({ where: { name: parsed.planOwner }, create: { name: parsed.planOwner }, update: {} })
    : null;
  const data = {
    title: opts.title ?? parsed.title ?? existing?.title ?? opts.planKey,
    issuer: parsed.issuer ?? existing?.issuer ?? null,
    reportDate: parsed.reportDate ?? existing?.reportDate ?? null,
    ownerPostId: ownerPost?.id ?? existing?.ownerPostId ?? null,
  };
  if (!existing) {
    result.changes.push({ kind: 'create', entity: 'plan', ref: opts.planKey });
    return tx.plan.create({ data: { key: opts.planKey, sourceReport: opts.source, createdAt: now, ...data } });
  }
  const fields = changedFields(existing, data);
  if (!fields.length) return existing;
  result.changes.push({ kind: 'update', entity: 'plan', ref: opts.planKey, fields });
  return tx.plan.update({ where: { id: existing.id }, data });
}

async function ensurePosts(tx: Tx, parsed: ParsedPlan, result: ImportResult): Promise<Map<string, string>> {
  const names = [...new Set(parsed.recommendations.flatMap((r) => r.actions.flatMap((a) => a.owners.map((o) => o.post))))];
  const ids = new Map<string, string>();
  for (let i = 0; i < names.length; i += CHUNK) {
    for (const p of await tx.post.findMany({ where: { name: { in: names.slice(i, i + CHUNK) } } })) ids.set(p.name, p.id);
  }
  const missing = names.filter((n) => !ids.has(n)).map((name) => ({ id: randomUUID(), name }));
  await createInChunks(missing, (data) => tx.post.createMany({ data }));
  for (const p of missing) ids.set(p.name, p.id);
  result.created.posts = missing.length;
  return ids;
}

async function writeLinks(tx: Tx, parsed: ParsedPlan, idByRef: Map<string, string>, result: ImportResult) {
  const wanted: { fromId: string; toId: string }[] = [];
  for (const a of parsed.recommendations.flatMap((r) => r.actions)) {
    for (const ref of a.links) {
      const toId = idByRef.get(ref);
      if (toId && toId !== idByRef.get(a.ref)) wanted.push({ fromId: idByRef.get(a.ref)!, toId });
      else if (!toId) result.problems.push({ file: '', row: a.row, message: `action ${a.ref} refers to action ${ref}, which is not in the plan`, severity: 'warning' });
    }
  }
  const fromIds = [...new Set(wanted.map((l) => l.fromId))];
  const existing = new Set<string>();
  for (let i = 0; i < fromIds.length; i += CHUNK) {
    for (const l of await tx.actionLink.findMany({ where: { fromId: { in: fromIds.slice(i, i + CHUNK) } } })) existing.add(`${l.fromId}>${l.toId}`);
  }
  const seen = new Set<string>();
  const fresh = wanted.filter((l) => {
    const k = `${l.fromId}>${l.toId}`;
    if (existing.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  await createInChunks(fresh, (data) => tx.actionLink.createMany({ data }));
}

function actionData(a: ParsedAction, position: number, recommendationId: string) {
  return {
    recommendationId,
    text: a.text,
    dueDate: a.due.date,
    dueText: a.due.text || null,
    duePrecision: a.due.precision,
    status: a.status,
    reportedRag: a.reportedRag === 'COMPLETE' ? null : a.reportedRag,
    position,
  };
}

/** Dated log entries, with a stable key per (plan, action, date, text) so re-imports add only new ones. */
function datedLogs(a: ParsedAction, fallback: Date, planKey: string): { at: Date; text: string; key: string }[] {
  let previous = fallback;
  return a.updates.map((u) => {
    const at = u.at ?? previous; // an undated entry is no newer than the one before it
    previous = at;
    const key = `import:${createHash('sha1').update(`${planKey}\u0000${a.ref}\u0000${at.toISOString()}\u0000${u.text}`).digest('hex')}`;
    return { at, text: u.text, key };
  });
}

const CHUNK = 500;

/** createMany in chunks: PostgreSQL allows at most 65,535 bind parameters per statement. */
async function createInChunks<T>(rows: T[], create: (data: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await create(rows.slice(i, i + CHUNK));
}

function changedFields(old: object, next: object): string[] {
  return Object.entries(next)
    .filter(([k, v]) => !sameValue((old as Record<string, unknown>)[k], v))
    .map(([k]) => k);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

function ownerKey(owners: { postId: string; roleLabel: string | null }[]): string {
  return owners.map((o) => `${o.postId}:${o.roleLabel ?? ''}`).join('|');
}

function maxDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function jsonable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
}
