/**
 * Writes a parsed plan into the database as one transaction: upsert by plan + ref, so the same file
 * imported twice changes nothing, and a changed file changes only what changed, recording each change
 * as an immutable Update (kind 'change', `changes` = { field: [before, after] }, which is what the
 * as-of views roll back). A dry run does the same work and rolls it back, so it reports exactly what a
 * real run would do. New rows are written in bulk (core/db/bulk.ts): a 10,000-row plan is a few queries.
 * Nothing here throws on bad input: a plan that cannot be written comes back with an error problem
 * and nothing written.
 */
import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { ACTION_STATUSES, DUE_PRECISIONS, RAGS } from '../domain';
import { bulk, orderedId, type Bulk, type Row } from '../store/bulk';
import type { Prisma, Provider } from '../db/client';
import { refreshPlannerStats } from '../db/planner-stats';
import type { Tx } from '../db/tx';
import { appendHistoryMany } from '../history/append';
import type { HistoryEntry } from '../history/entry';
import { changeWords, conflictWords, mergeFacts, readImported, type Fact, type Facts, type Merge } from './merge';
import type { ParsedAction, ParsedOwner, ParsedPlan, ImportProblem } from './types';

export interface ApplyOptions {
  planKey: string;
  title?: string;
  /** Shown in history: which file the change came from. */
  source: string;
  dryRun?: boolean;
  /** Where Teams and the file both changed a fact since the last import, take the file's (Teams' by default). */
  preferFile?: boolean;
}

export interface ImportChange {
  /** A conflict changes nothing: Teams and the file both changed a fact, and Teams' value is kept. */
  kind: 'create' | 'update' | 'conflict';
  entity: 'plan' | 'recommendation' | 'action';
  ref: string;
  fields?: string[];
  /** The file row the action came from. */
  row?: number;
  /** Each change or conflict in words: "due date 1 Mar 2015 → 1 Jun 2015". */
  details?: string[];
}

export interface ImportResult {
  planKey: string;
  dryRun: boolean;
  /** True when nothing was (or, in a dry run, would be) written because of an error problem. */
  failed: boolean;
  counts: { recommendations: number; actions: number; owners: number; updates: number };
  created: { recommendations: number; actions: number; updates: number; posts: number };
  updated: { recommendations: number; actions: number };
  changes: ImportChange[];
  problems: ImportProblem[];
  /** When the plan was first imported from this file, if the file was recognised rather than named with --plan. */
  recognised?: Date;
}

/** Action fields whose change is history; position and the like move silently. */
const TRACKED = ['text', 'dueText', 'dueDate', 'duePrecision', 'status', 'reportedRag'] as const;

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Large plans take longer than Prisma's 5 s default for an interactive transaction. */
const IMPORT_TIMEOUT_MS = 120_000;

export async function applyParsedPlan(
  ctx: Pick<CoreContext, 'db' | 'now'>,
  parsed: ParsedPlan,
  opts: ApplyOptions,
): Promise<ImportResult> {
  const problems = [...parsed.problems, ...checkPlan(parsed, opts.source)];
  if (problems.some((p) => p.severity === 'error')) return emptyResult(opts, problems, true);
  let result: ImportResult;
  try {
    result = await ctx.db.prisma.$transaction(
      async (tx) => {
        const result = await write(tx as Tx, ctx.db.provider, parsed, opts, ctx.now(), problems);
        if (opts.dryRun) throw new DryRunRollback(result);
        return result;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: IMPORT_TIMEOUT_MS },
    );
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    // The transaction rolled back: report it as a problem, with nothing written.
    const message = `import failed, nothing was written: ${err instanceof Error ? err.message.split('\n').filter(Boolean).pop() : String(err)}`;
    return emptyResult(opts, [...problems, { file: opts.source, message, severity: 'error' }], true);
  }
  // A first import can grow the tables a hundredfold: plan queries from statistics of the new sizes.
  // They only make queries faster, so a failure here must not report a committed import as failed.
  await refreshPlannerStats(ctx.db).catch(() => undefined);
  return result;
}

/** What the database would refuse, caught before it is asked: refs must be unique, dates real. */
function checkPlan(parsed: ParsedPlan, file: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const error = (row: number | undefined, message: string) =>
    problems.push({ file, ...(row ? { row } : {}), message, severity: 'error' });
  const recRefs = new Set<string>();
  const actionRefs = new Set<string>();
  const badDate = (d: Date | null | undefined) => d != null && !(d instanceof Date && Number.isFinite(d.getTime()));
  if (badDate(parsed.reportDate)) error(undefined, 'the report date is not a real date');
  for (const rec of parsed.recommendations) {
    if (!rec.ref?.trim()) error(rec.row, 'a recommendation has no ref');
    else if (recRefs.has(rec.ref)) error(rec.row, `recommendation ref ${rec.ref} is used more than once`);
    recRefs.add(rec.ref);
    for (const a of rec.actions) {
      if (!a.ref?.trim()) error(a.row, 'an action has no ref');
      else if (actionRefs.has(a.ref)) error(a.row, `action ref ${a.ref} is used more than once`);
      actionRefs.add(a.ref);
      if (badDate(a.due.date) || a.updates.some((u) => badDate(u.at)))
        error(a.row, `action ${a.ref} has a date that is not a real date`);
      const known =
        ACTION_STATUSES.includes(a.status) &&
        DUE_PRECISIONS.includes(a.due.precision) &&
        (a.reportedRag === null || RAGS.includes(a.reportedRag));
      if (!known) error(a.row, `action ${a.ref} has a status, RAG or due precision Chaser does not know`);
    }
  }
  return problems;
}

function emptyResult(opts: ApplyOptions, problems: ImportProblem[], failed = false): ImportResult {
  return {
    planKey: opts.planKey,
    dryRun: !!opts.dryRun,
    failed,
    counts: { recommendations: 0, actions: 0, owners: 0, updates: 0 },
    created: { recommendations: 0, actions: 0, updates: 0, posts: 0 },
    updated: { recommendations: 0, actions: 0 },
    changes: [],
    problems,
  };
}

async function write(
  tx: Tx,
  provider: Provider,
  parsed: ParsedPlan,
  opts: ApplyOptions,
  now: Date,
  problems: ImportProblem[],
): Promise<ImportResult> {
  const result = emptyResult(opts, problems);
  const db = bulk(tx, provider);
  const plan = await upsertPlan(tx, parsed, opts, now, result);
  const postIds = await ensurePosts(tx, db, parsed, now, result);
  const postNames = new Map([...postIds].map(([name, id]) => [id, name]));

  const existingRecs = new Map(
    (await tx.recommendation.findMany({ where: { planId: plan.id } })).map((r) => [r.ref, r]),
  );
  const recRefById = new Map([...existingRecs.values()].map((r) => [r.id, r.ref]));
  const existingActions = await loadActions(tx, plan.id);
  const touched = await touchedInTeams(tx, plan.id, [...existingActions.values()]);
  const existingUpdateKeys = new Set(
    (
      await tx.update.findMany({
        where: { action: { planId: plan.id }, idempotencyKey: { startsWith: 'import:' } },
        select: { idempotencyKey: true },
      })
    ).map((u) => u.idempotencyKey!),
  );

  const newRecs: Prisma.RecommendationCreateManyInput[] = [];
  const changedRecs: Row[] = [];
  const newActions: Prisma.ActionCreateManyInput[] = [];
  const changedActions: Row[] = [];
  const newOwners: Prisma.ActionOwnerCreateManyInput[] = [];
  const replacedOwners: string[] = [];
  const newUpdates: HistoryEntry[] = [];
  const conflicts: { actionId: string; row: number | undefined; words: string[] }[] = [];
  const actionIdByRef = new Map<string, string>();
  let actionPosition = 0;
  const updateRow = (u: Omit<HistoryEntry, 'authorName'>): HistoryEntry => ({ authorName: opts.source, ...u });

  const recIds: string[] = [];
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
      recId = orderedId();
      newRecs.push({ id: recId, planId: plan.id, ref: rec.ref, ...recData });
      result.created.recommendations++;
      result.changes.push({ kind: 'create', entity: 'recommendation', ref: rec.ref });
    } else {
      recId = oldRec.id;
      const fields = changedFields(oldRec, recData);
      if (fields.length) {
        changedRecs.push({ id: recId, ...recData });
        const visible = fields.filter((f) => f !== 'position');
        if (visible.length) {
          result.updated.recommendations++;
          result.changes.push({
            kind: 'update',
            entity: 'recommendation',
            ref: rec.ref,
            row: rec.row,
            fields: visible,
            details: visible.map((f) => `${FIELD_WORDS[f] ?? f} changed`),
          });
        }
      }
    }
    recRefById.set(recId, rec.ref);
    recIds.push(recId);
  }

  for (const [recIndex, rec] of parsed.recommendations.entries()) {
    const recId = recIds[recIndex];

    for (const action of rec.actions) {
      result.counts.actions++;
      const old = existingActions.get(action.ref);
      const data = actionData(action, actionPosition++, recId, old?.status);
      const actionId = old?.id ?? orderedId();
      actionIdByRef.set(action.ref, actionId);
      const owners = uniqueOwners(action.owners).map((o, i) => ({
        actionId,
        postId: postIds.get(o.post)!,
        roleLabel: o.role ?? null,
        position: i,
      }));
      result.counts.owners += owners.length;

      let lastLog: Date | null = null;
      for (const log of datedLogs(action, parsed.reportDate ?? now, opts.planKey)) {
        result.counts.updates++;
        const known = existingUpdateKeys.has(log.key);
        // An undated entry imported before keeps the date it was given then: its fallback moves with the clock.
        if (!known || log.dated) lastLog = maxDate(lastLog, log.at);
        if (known) continue;
        existingUpdateKeys.add(log.key);
        newUpdates.push(updateRow({ actionId, at: log.at, kind: 'progress', text: log.text, idempotencyKey: log.key }));
        result.created.updates++;
      }
      const lastUpdateAt = maxDate(old?.lastUpdateAt ?? null, lastLog);
      const stamps = {
        lastUpdateAt,
        reportedRagAt: data.reportedRag
          ? ((old?.reportedRag === data.reportedRag ? old?.reportedRagAt : null) ?? lastUpdateAt)
          : null,
        completedAt: data.status === 'open' ? null : (old?.completedAt ?? lastUpdateAt ?? data.dueDate ?? null),
      };

      if (!old) {
        const ownersNamed = owners.map((o) => ({ post: postNames.get(o.postId)!, role: o.roleLabel }));
        newActions.push({
          id: actionId,
          planId: plan.id,
          ...data,
          ...stamps,
          completedAt: action.completedAt ?? stamps.completedAt,
          originalDueDate: action.originalDue?.date ?? data.dueDate,
          originalDueText: action.originalDue ? action.originalDue.text || null : data.dueText,
          priority: action.priority ?? null,
          outcome: action.outcome ?? null,
          importedValues: JSON.stringify(factsOf(data, ownersNamed)),
          ref: action.ref,
          createdAt: now,
          updatedAt: now,
        });
        newOwners.push(...owners);
        result.created.actions++;
        result.changes.push({ kind: 'create', entity: 'action', ref: action.ref });
        continue;
      }
      const ownersAfter = owners.map((o) => ({ post: postNames.get(o.postId)!, role: o.roleLabel }));
      const fileFacts = factsOf(data, ownersAfter);
      const lastImported = readImported(old.importedValues);
      const merge = mergeFacts(
        factsOf(old, old.owners),
        fileFacts,
        lastImported,
        touched.get(old.id) ?? NONE,
        !!opts.preferFile,
      );
      const merged = {
        ...data,
        ...columnsOf(merge.facts),
        importedValues: JSON.stringify(remembered(fileFacts, lastImported, merge)),
      };
      const changes: Record<string, [unknown, unknown]> = {};
      for (const f of TRACKED) if (!sameValue(old[f], merged[f])) changes[f] = [jsonable(old[f]), jsonable(merged[f])];
      if (old.recommendationId !== recId)
        changes.recommendation = [recRefById.get(old.recommendationId) ?? null, rec.ref];
      const ownersChanged = merge.changes.some((c) => c.fact === 'owners');
      if (ownersChanged) changes.owners = [old.owners, ownersAfter];
      const fields = Object.keys(changes);
      const row = { ref: action.ref, entity: 'action' as const, row: action.row };
      if (merge.conflicts.length) {
        const words = merge.conflicts.map(conflictWords);
        result.changes.push({ kind: 'conflict', ...row, details: words });
        conflicts.push({ actionId: old.id, row: action.row, words });
      }
      // What Teams kept keeps its own stamps: a Red reported in Teams keeps the day it was reported.
      const mergedStamps = {
        ...stamps,
        reportedRagAt: merged.reportedRag === old.reportedRag ? old.reportedRagAt : stamps.reportedRagAt,
        completedAt: merged.status === 'open' ? null : (old.completedAt ?? stamps.completedAt),
      };
      const silent =
        changedFields(old, {
          ...mergedStamps,
          position: data.position,
          recommendationId: recId,
          importedValues: merged.importedValues,
        }).length > 0;
      if (!fields.length && !silent) continue;
      changedActions.push({ id: old.id, ...merged, ...mergedStamps, updatedAt: now, version: fields.length ? 1 : 0 });
      if (!fields.length) continue;
      if (ownersChanged) {
        replacedOwners.push(old.id);
        newOwners.push(...owners);
      }
      const details = merge.changes.map(changeWords);
      if (changes.recommendation) details.push(`moved to recommendation ${rec.ref}`);
      newUpdates.push(
        updateRow({
          actionId: old.id,
          at: now,
          kind: 'change',
          text: `Imported from ${opts.source} (row ${action.row}): ${details.join('; ')}`,
          changes,
          detail: { source: { file: opts.source, row: action.row } },
        }),
      );
      result.updated.actions++;
      result.changes.push({ kind: 'update', ...row, fields, details });
    }
  }
  for (const ref of existingActions.keys()) {
    if (!actionIdByRef.has(ref)) {
      result.problems.push({
        file: opts.source,
        message: `action ${ref} is in plan ${opts.planKey} but not in this file — left as it is`,
        severity: 'warning',
      });
    }
  }

  // Recommendations before the actions that point at them; an action's old owners out before the new in.
  await db.insert('Recommendation', newRecs);
  await db.update('Recommendation', changedRecs);
  await db.update('Action', changedActions, ['version']);
  for (let i = 0; i < replacedOwners.length; i += CHUNK)
    await tx.actionOwner.deleteMany({ where: { actionId: { in: replacedOwners.slice(i, i + CHUNK) } } });
  await db.insert('Action', newActions);
  await db.insert('ActionOwner', newOwners);
  newUpdates.push(
    ...(await newConflicts(tx, conflicts)).map(({ actionId, row, words }) =>
      updateRow({
        actionId,
        at: now,
        kind: 'change',
        text: `Import conflict in ${opts.source}${row ? ` (row ${row})` : ''}: ${words.join('; ')}`,
        changes: {},
        detail: { source: { file: opts.source, row }, conflicts: words },
      }),
    ),
  );
  await appendHistoryMany(tx, provider, newUpdates, now);
  await writeLinks(tx, db, parsed, actionIdByRef, opts.source, result);
  return result;
}

const NONE: ReadonlySet<Fact> = new Set();

/** Plan and recommendation columns in the words the import report uses. */
const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  issuer: 'issuer',
  reportDate: 'report date',
  ownerPostId: 'plan owner',
  text: 'text',
  section: 'section',
  context: 'context',
  sourceLocator: 'where in the report',
  priority: 'priority',
  agreed: 'agreed',
};

/** The facts a merge compares, from an action's columns (stored or from the file) and its owners. */
function factsOf(
  a: {
    text: string;
    dueText: string | null;
    dueDate: Date | null;
    duePrecision: string;
    status: string;
    reportedRag: string | null;
  },
  owners: Facts['owners'],
): Facts {
  return {
    text: a.text,
    due: { text: a.dueText, date: a.dueDate ? a.dueDate.toISOString().slice(0, 10) : null, precision: a.duePrecision },
    status: a.status,
    reportedRag: a.reportedRag,
    owners,
  };
}

/**
 * What this import is remembered to have written: the file's facts, except where it lost a conflict, which
 * keeps the value imported before, so the conflict is reported again until --prefer-file or the file settles it.
 */
function remembered(file: Facts, before: Partial<Facts> | null, merge: Merge): Partial<Facts> {
  const kept: Partial<Facts> = { ...file };
  for (const { fact } of merge.conflicts) {
    if (before?.[fact] === undefined) delete kept[fact];
    else (kept as Record<Fact, unknown>)[fact] = before[fact];
  }
  return kept;
}

function columnsOf(f: Facts) {
  return {
    text: f.text,
    dueText: f.due.text,
    dueDate: f.due.date ? new Date(`${f.due.date}T00:00:00Z`) : null,
    duePrecision: f.due.precision,
    status: f.status,
    reportedRag: f.reportedRag,
  };
}

const FACT_OF_FIELD: Record<string, Fact> = {
  text: 'text',
  dueDate: 'due',
  dueText: 'due',
  duePrecision: 'due',
  status: 'status',
  reportedRag: 'reportedRag',
  owners: 'owners',
};

/**
 * For actions imported before imports were remembered: the facts their history shows changed in Teams
 * (anything but an import wrote them), so a re-import does not take them for the file's.
 */
async function touchedInTeams(tx: Tx, planId: string, actions: { id: string; importedValues: string | null }[]) {
  const touched = new Map<string, Set<Fact>>();
  if (!actions.some((a) => a.importedValues === null)) return touched;
  const rows = await tx.update.findMany({
    where: { action: { planId, importedValues: null }, kind: { notIn: ['import', 'change'] } },
    select: { actionId: true, changes: true, rag: true },
  });
  for (const r of rows) {
    const facts = touched.get(r.actionId) ?? new Set<Fact>();
    if (r.rag) facts.add('reportedRag');
    for (const field of Object.keys(safeJson(r.changes))) if (FACT_OF_FIELD[field]) facts.add(FACT_OF_FIELD[field]);
    touched.set(r.actionId, facts);
  }
  return touched;
}

function safeJson(text: string | null): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The plan's actions by ref, each with its owners in order. Owners are read by plan rather than
 * included per action: an include binds every action id, past the parameter limit at 10,000 actions.
 */
async function loadActions(tx: Tx, planId: string) {
  const inPlan = { action: { planId } };
  const [actions, owners, posts] = await Promise.all([
    tx.action.findMany({ where: { planId } }),
    tx.actionOwner.findMany({
      where: inPlan,
      select: { actionId: true, postId: true, roleLabel: true },
      orderBy: { position: 'asc' },
    }),
    tx.post.findMany({ where: { actions: { some: inPlan } }, select: { id: true, name: true } }),
  ]);
  const postName = new Map(posts.map((p) => [p.id, p.name]));
  const ownersOf = new Map(actions.map((a) => [a.id, [] as { post: string; role: string | null }[]]));
  for (const o of owners) ownersOf.get(o.actionId)!.push({ post: postName.get(o.postId)!, role: o.roleLabel });
  return new Map(actions.map((a) => [a.ref, { ...a, owners: ownersOf.get(a.id)! }]));
}

async function upsertPlan(tx: Tx, parsed: ParsedPlan, opts: ApplyOptions, now: Date, result: ImportResult) {
  const existing = await tx.plan.findUnique({ where: { key: opts.planKey } });
  const ownerPost = parsed.planOwner
    ? await tx.post.upsert({ where: { name: parsed.planOwner }, create: { name: parsed.planOwner }, update: {} })
    : null;
  const data = {
    // A title someone chose (--title, or since in Chaser) outlives the file's own heading.
    title: opts.title ?? existing?.title ?? parsed.title ?? opts.planKey,
    issuer: parsed.issuer ?? existing?.issuer ?? null,
    reportDate: parsed.reportDate ?? existing?.reportDate ?? null,
    ownerPostId: ownerPost?.id ?? existing?.ownerPostId ?? null,
  };
  if (!existing) {
    result.changes.push({ kind: 'create', entity: 'plan', ref: opts.planKey });
    return tx.plan.create({
      data: { key: opts.planKey, sourceReport: opts.source, sourceFile: opts.source, createdAt: now, ...data },
    });
  }
  const fields = changedFields(existing, data);
  if (!fields.length)
    return existing.sourceFile === opts.source
      ? existing
      : tx.plan.update({ where: { id: existing.id }, data: { sourceFile: opts.source } });
  result.changes.push({
    kind: 'update',
    entity: 'plan',
    ref: opts.planKey,
    fields,
    details: fields.map((f) => FIELD_WORDS[f] ?? f),
  });
  return tx.plan.update({ where: { id: existing.id }, data: { ...data, sourceFile: opts.source } });
}

/** One owner per post: a cell naming a post twice ("FCR / FCR") is one owner, as the table allows. */
function uniqueOwners(owners: ParsedOwner[]): ParsedOwner[] {
  const seen = new Set<string>();
  return owners
    .map((o) => ({ ...o, post: o.post.trim() }))
    .filter((o) => o.post && !seen.has(o.post) && seen.add(o.post));
}

async function ensurePosts(
  tx: Tx,
  db: Bulk,
  parsed: ParsedPlan,
  now: Date,
  result: ImportResult,
): Promise<Map<string, string>> {
  const names = [
    ...new Set(
      parsed.recommendations.flatMap((r) => r.actions.flatMap((a) => uniqueOwners(a.owners).map((o) => o.post))),
    ),
  ];
  const ids = new Map<string, string>();
  for (let i = 0; i < names.length; i += CHUNK) {
    for (const p of await tx.post.findMany({ where: { name: { in: names.slice(i, i + CHUNK) } } }))
      ids.set(p.name, p.id);
  }
  const missing = names.filter((n) => !ids.has(n)).map((name) => ({ id: orderedId(), name, createdAt: now }));
  await db.insert('Post', missing);
  for (const p of missing) ids.set(p.name, p.id);
  result.created.posts = missing.length;
  return ids;
}

async function writeLinks(
  tx: Tx,
  db: Bulk,
  parsed: ParsedPlan,
  idByRef: Map<string, string>,
  file: string,
  result: ImportResult,
) {
  const wanted: { fromId: string; toId: string }[] = [];
  for (const a of parsed.recommendations.flatMap((r) => r.actions)) {
    for (const ref of a.links) {
      const toId = idByRef.get(ref);
      if (toId && toId !== idByRef.get(a.ref)) wanted.push({ fromId: idByRef.get(a.ref)!, toId });
      else if (!toId)
        result.problems.push({
          file,
          row: a.row,
          message: `action ${a.ref} refers to action ${ref}, which is not in the plan`,
          severity: 'warning',
        });
    }
  }
  const fromIds = [...new Set(wanted.map((l) => l.fromId))];
  const existing = new Set<string>();
  for (let i = 0; i < fromIds.length; i += CHUNK) {
    for (const l of await tx.actionLink.findMany({ where: { fromId: { in: fromIds.slice(i, i + CHUNK) } } }))
      existing.add(`${l.fromId}>${l.toId}`);
  }
  const seen = new Set<string>();
  const fresh = wanted.filter((l) => {
    const k = `${l.fromId}>${l.toId}`;
    if (existing.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  await db.insert('ActionLink', fresh);
}

/**
 * The action's columns as the file states them. A file saying "Complete: Yes" is the owner's word;
 * an action the plan owner has since verified in Chaser stays verified.
 */
function actionData(a: ParsedAction, position: number, recommendationId: string, oldStatus: string | undefined) {
  return {
    recommendationId,
    text: a.text,
    dueDate: a.due.date,
    dueText: a.due.text || null,
    duePrecision: a.due.precision,
    status: oldStatus === 'complete' && a.status === 'awaiting_verification' ? 'complete' : a.status,
    reportedRag: a.reportedRag === 'COMPLETE' ? null : a.reportedRag,
    position,
  };
}

/**
 * Dated log entries, each with a key that is stable across imports of the same file: plan, action,
 * the date as written (not the fallback an undated entry gets, which moves with the clock), text, and
 * which repeat of that entry it is.
 */
function datedLogs(
  a: ParsedAction,
  fallback: Date,
  planKey: string,
): { at: Date; dated: boolean; text: string; key: string }[] {
  let previous = fallback;
  const seen = new Map<string, number>();
  return a.updates.map((u) => {
    const at = u.at ?? previous; // an undated entry is no newer than the one before it
    previous = at;
    const identity = `${planKey}\u0000${a.ref}\u0000${u.at ? u.at.toISOString() : 'undated'}\u0000${u.text}`;
    const repeat = seen.get(identity) ?? 0;
    seen.set(identity, repeat + 1);
    const key = `import:${createHash('sha1').update(`${identity}\u0000${repeat}`).digest('hex')}`;
    return { at, dated: !!u.at, text: u.text, key };
  });
}

/** Ids per `in` list when looking rows up. */
const CHUNK = 500;

function changedFields(old: object, next: object): string[] {
  return Object.entries(next)
    .filter(([k, v]) => !sameValue((old as Record<string, unknown>)[k], v))
    .map(([k]) => k);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

function maxDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function jsonable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
}

/**
 * The conflicts not yet on record: a conflict is reported by every import until the file or Teams settles
 * it, but enters an action's history once, when it first appears (or changes).
 */
async function newConflicts<T extends { actionId: string; words: string[] }>(tx: Tx, found: T[]): Promise<T[]> {
  if (!found.length) return [];
  const recorded = await tx.update.findMany({
    where: { actionId: { in: found.map((c) => c.actionId) }, kind: 'change', detail: { contains: '"conflicts"' } },
    orderBy: [{ at: 'desc' }, { createdAt: 'desc' }],
    select: { actionId: true, detail: true },
  });
  const last = new Map<string, string>();
  for (const r of recorded) if (!last.has(r.actionId)) last.set(r.actionId, JSON.stringify(conflictsOf(r.detail)));
  return found.filter((c) => last.get(c.actionId) !== JSON.stringify(c.words));
}

function conflictsOf(detail: string | null): string[] | undefined {
  try {
    return detail ? (JSON.parse(detail) as { conflicts?: string[] }).conflicts : undefined;
  } catch {
    return undefined;
  }
}
