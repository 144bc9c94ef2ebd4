/**
 * A plan as the rows of a board pack: the layout boards read (and the importer reads back), today or
 * as it stood on a past date. The past is rebuilt from the history: Updates are only ever added, and
 * every change record carries { field: [before, after] }, so undoing the first later change of each
 * field restores it, and progress notes dated on or before the day are the log as it was.
 */
import { type Measures, measuresOfActions } from '../query/measures';
import type { CoreContext } from '../context';
import { RAGS, type Rag } from '../domain';
import { ragOf } from '../actions/view';
import { ragWord } from '../rag';
import { dateOnly, formatDate, isoDate, localDate } from '../time';

export const BOARD_COLUMNS = [
  'Ref',
  'Area for Improvement',
  'Action',
  'Action Owner',
  'Due Date',
  'Original Due Date',
  'Times Revised',
  'Initial Response',
  'Latest Update',
  'Date of Update',
  'Complete Yes/No',
  'RAG Status',
  'Outcome',
  'Evidence',
] as const;

export interface BoardRow {
  /** A section heading row ("WITHIN THREE MONTHS") before the rows of that section. */
  section?: string;
  cells: string[];
  /** Colours the RAG cell; absent on section rows and recommendations without actions. */
  rag?: Rag;
}

export interface BoardPack {
  title: string;
  /** Lines above the table that the importer reads back: title, report date, plan owner. */
  preamble: string[];
  rows: BoardRow[];
  /** The committee's measures of the plan, as of the pack's date. */
  measures: Measures;
}

type Ctx = Pick<CoreContext, 'db' | 'now' | 'timeZone' | 'ragWindows'>;
type Owner = { post: string; role: string | null };

/** The plan's board pack; `asOf` (end of that day, in the organisation's time zone) rebuilds the past. */
export async function boardPack(ctx: Ctx, planKey: string, asOf?: Date): Promise<BoardPack | null> {
  const plan = await ctx.db.prisma.plan.findUnique({
    where: { key: planKey.toUpperCase() },
    include: {
      ownerPost: { select: { name: true } },
      recommendations: {
        orderBy: { position: 'asc' },
        include: {
          actions: {
            orderBy: { position: 'asc' },
            include: {
              owners: { orderBy: { position: 'asc' }, include: { post: { select: { name: true } } } },
              updates: { orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] },
              evidence: {
                orderBy: { createdAt: 'asc' },
                select: { title: true, url: true, fileName: true, createdAt: true },
              },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const replacing = await replacingRefs(
    ctx,
    plan.recommendations.flatMap((r) => r.actions.map((a) => a.replacedById)),
  );
  const at = asOf ?? ctx.now();
  const today = localDate(at, ctx.timeZone);
  const rows: BoardRow[] = [];
  const states: ActionState[] = [];
  let section: string | null = null;

  for (const rec of plan.recommendations) {
    const actions = rec.actions.filter((a) => !asOf || existedBy(a, plan, asOf)).map((a) => actionAsOf(a, asOf));
    states.push(...actions);
    if (rec.actions.length && !actions.length) continue;
    if (rec.section && rec.section !== section) rows.push({ section: rec.section, cells: [rec.section] });
    section = rec.section;
    if (!actions.length) rows.push({ cells: [rec.ref, rec.text, ...BOARD_COLUMNS.slice(2).map(() => '')] });
    actions.forEach((a, i) => {
      const { rag } = ragOf(a, today, ctx);
      const [first, ...rest] = a.progress;
      const last = a.progress[a.progress.length - 1];
      rows.push({
        rag,
        cells: [
          i === 0 ? rec.ref : '',
          i === 0 ? rec.text : '',
          actionCell(a, rec.ref, i),
          a.owners.map((o) => (o.role ? `${o.post} - ${o.role}` : o.post)).join(' / '),
          a.dueText ?? (a.dueDate ? formatDate(a.dueDate) : ''),
          a.originalDueText ?? (a.originalDueDate ? formatDate(a.originalDueDate) : ''),
          String(a.revisions),
          first ? logEntry(first) : '',
          rest.map(logEntry).join('\n'),
          last ? dayMonthYear(last.at) : '',
          a.status === 'complete'
            ? 'Yes (CLOSED)'
            : a.status === 'open'
              ? 'No'
              : a.status === 'closed'
                ? 'Closed'
                : 'Yes',
          // Closed statuses in words: "RISK_ACCEPTED" is not what a board reads (the colours keep their codes).
          rag === 'RISK_ACCEPTED' || rag === 'SUPERSEDED' ? ragWord(rag) : rag,
          outcomeCell(a, replacing),
          a.evidence
            .filter((e) => !asOf || e.createdAt <= asOf)
            .map(evidenceCell)
            .join('\n'),
        ],
      });
    });
  }
  const reportDate = plan.reportDate
    ? `${plan.issuer ?? 'Inspection'} report issued ${formatDate(plan.reportDate)}`
    : '';
  const title = `${plan.title}${asOf ? ` — as at ${formatDate(today)}` : ''}`;
  const preamble = [title, reportDate, plan.ownerPost ? `Improvement Plan Owner: ${plan.ownerPost.name}` : ''].filter(
    Boolean,
  );
  return { title, preamble, rows, measures: measuresOfActions(states, today, ctx.timeZone) };
}

interface StoredUpdate {
  at: Date;
  kind: string;
  text: string | null;
  changes: string | null;
  rag: string | null;
}

interface StoredAction {
  ref: string;
  text: string;
  createdAt: Date;
  dueDate: Date | null;
  dueText: string | null;
  status: string;
  reportedRag: string | null;
  reportedRagAt: Date | null;
  completedAt: Date | null;
  lastUpdateAt: Date | null;
  outcome: string | null;
  outcomeReason: string | null;
  reviewDate: Date | null;
  replacedById: string | null;
  originalDueDate: Date | null;
  originalDueText: string | null;
  evidence: { title: string; url: string | null; fileName: string | null; createdAt: Date }[];
  owners: { roleLabel: string | null; post: { name: string } }[];
  updates: StoredUpdate[];
}

/**
 * In the plan by then: created by then, or shown by its own history or the plan's report to have
 * been (an imported action is created on import day, but its plan and log may be years older).
 */
function existedBy(a: StoredAction, plan: { createdAt: Date; reportDate: Date | null }, asOf: Date): boolean {
  if (a.createdAt <= asOf) return true;
  if (a.updates.some((u) => u.kind === 'progress' && u.at <= asOf)) return true;
  return !!plan.reportDate && plan.reportDate <= asOf && a.createdAt <= plan.createdAt;
}

/** `revisions`: the approved moves of the due date by then (a committee judges against the first date promised). */
type ActionState = Omit<StoredAction, 'updates' | 'owners'> & {
  owners: Owner[];
  progress: StoredUpdate[];
  revisions: number;
};

const RESTORED = [
  'text',
  'dueText',
  'dueDate',
  'status',
  'reportedRag',
  'completedAt',
  'owners',
  'outcome',
  'outcomeReason',
  'reviewDate',
] as const;

function actionAsOf(a: StoredAction, asOf: Date | undefined): ActionState {
  const state: ActionState = {
    ...a,
    owners: a.owners.map((o) => ({ post: o.post.name, role: o.roleLabel })),
    progress: a.updates.filter((u) => u.kind === 'progress' && (!asOf || u.at <= asOf)),
    revisions: a.updates.filter((u) => u.kind === 'due' && (!asOf || u.at <= asOf)).length,
  };
  if (!asOf) return state;
  const restored = new Set<string>();
  for (const u of a.updates.filter((x) => x.at > asOf)) {
    for (const [field, [before]] of Object.entries(changesOf(u.changes))) {
      if (!(RESTORED as readonly string[]).includes(field) || restored.has(field)) continue;
      restored.add(field);
      Object.assign(state, { [field]: revive(field, before) });
    }
  }
  const last = state.progress[state.progress.length - 1];
  state.lastUpdateAt = last?.at ?? null;
  if (restored.has('reportedRag'))
    state.reportedRagAt =
      [...state.progress].reverse().find((u) => u.rag === state.reportedRag)?.at ?? state.lastUpdateAt;
  if (state.reportedRagAt && state.reportedRagAt > asOf) state.reportedRagAt = state.lastUpdateAt;
  return state;
}

function changesOf(json: string | null): Record<string, [unknown, unknown]> {
  try {
    const parsed: unknown = json ? JSON.parse(json) : null;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => Array.isArray(v) && v.length === 2)) as Record<
      string,
      [unknown, unknown]
    >;
  } catch {
    return {};
  }
}

function revive(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field === 'owners')
    return Array.isArray(value) ? value.filter((o): o is Owner => typeof o?.post === 'string') : [];
  if (field === 'reportedRag') return (RAGS as readonly string[]).includes(String(value)) ? value : null;
  if (field !== 'dueDate' && field !== 'reviewDate' && !field.endsWith('At')) return String(value);
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? dateOnly(s) : new Date(s);
}

/** "Risk accepted: reason (review 1 Jun 2016)", "Superseded by BTP-CDI-9: reason", "Implemented and verified". */
function outcomeCell(
  a: Pick<ActionState, 'status' | 'outcome' | 'outcomeReason' | 'reviewDate' | 'replacedById'>,
  replacing: Map<string, string>,
): string {
  if (a.status === 'complete') return 'Implemented and verified';
  if (a.status !== 'closed') return '';
  const why = a.outcomeReason ? `: ${a.outcomeReason}` : '';
  if (a.outcome === 'risk_accepted')
    return `Risk accepted${why}${a.reviewDate ? ` (review ${formatDate(a.reviewDate)})` : ''}`;
  const by = a.replacedById && replacing.get(a.replacedById);
  return `Superseded${by ? ` by ${by}` : ''}${why}`;
}

/** "BTP-CDI-9" for each superseding action (it may sit in another plan). */
async function replacingRefs(ctx: Ctx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await ctx.db.prisma.action.findMany({
    where: { id: { in: wanted } },
    select: { id: true, ref: true, plan: { select: { key: true } } },
  });
  return new Map(rows.map((r) => [r.id, `${r.plan.key}-${r.ref}`]));
}

/** "Audit report — https://…", or a file's title and name: what a board member can open or ask for. */
function evidenceCell(e: { title: string; url: string | null; fileName: string | null }): string {
  const where = e.url ?? (e.fileName ? `file ${e.fileName}` : '');
  return where && where !== e.title ? `${e.title} — ${where}` : e.title;
}

/**
 * The action's text, led by its ref when the importer would not work it out itself (it numbers a
 * recommendation's actions "3.1", "3.2") or would misread a leading number as one. Only numbered refs
 * can lead the text; others ("National 5") come back numbered.
 */
function actionCell(a: { ref: string; text: string }, recRef: string, index: number): string {
  const derived = a.ref === `${recRef}.${index + 1}` && !/^\d/.test(a.text);
  return derived || !/^\d{1,3}(\.\d+)*$/.test(a.ref) ? a.text : `${a.ref}. ${a.text}`;
}

/** "18 Apr 2015 - text": a log entry the importer splits back out, one per line. */
function logEntry(u: StoredUpdate): string {
  return `${formatDate(u.at)} - ${(u.text ?? '').replace(/\s*\n+\s*/g, ' ')}`.trimEnd();
}

function dayMonthYear(d: Date): string {
  const [y, m, day] = isoDate(d).split('-');
  return `${day}/${m}/${y}`;
}
