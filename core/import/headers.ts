/**
 * Finding the header row of a plan table and what each column holds. Plans name the same column
 * many ways ("Area for Improvement", "Audit Commission Issue", "Key Points"), repeat the header at
 * every page break, split it over two rows ("Complete" / "Yes/No", "Target date" merged over "Original" and
 * "Revised") and, when pasted from PDF,
 * glue page-title debris onto it ("lmpi Ref").
 */
export type Field =
  | 'ref'
  | 'recommendation'
  | 'action'
  | 'owner'
  | 'due'
  | 'comment'
  | 'updatedOn'
  | 'complete'
  | 'rag'
  | 'priority'
  | 'agreed'
  | 'revisedDue'
  | 'completedOn'
  /** The audit, report or theme a row belongs to, where each numbers its recommendations from 1. */
  | 'group'
  /** The action's own number, beside its recommendation's ("1.2" beside "1"). */
  | 'actionRef';

const SYNONYMS: Record<Field, string[]> = {
  ref: [
    'ref',
    'ref no',
    'reference',
    'afi',
    'afi no',
    'afi ref',
    'rec ref',
    'rec no',
    'rec',
    'no',
    'number',
    'recommendation no',
    'recommendation number',
    'item',
  ],
  recommendation: [
    'recommendation',
    'recommendations',
    'recommendation text',
    'area for improvement',
    'areas for improvement',
    'audit commission issue',
    'issue',
    'key points',
    'key point',
    'finding',
    'findings',
    // A Planner bucket holds the tasks of one recommendation or theme.
    'bucket name',
    'bucket',
  ],
  action: [
    'action',
    'actions',
    'action required',
    'actions to be taken',
    'proposed action',
    'agreed action',
    'agreed actions',
    'agreed management action',
    'management action',
    'planned action',
    'actions agreed',
    // Plans written for the public ask their columns as questions ("What are we going to do?").
    'what we will do',
    'what will we do',
    'what are we going to do',
    'what will be done',
    // Microsoft Planner's and Lists' exports: a task is an action.
    'task name',
    'task',
  ],
  owner: [
    'action owner',
    'owner',
    'responsibility',
    'responsible',
    'lead',
    'responsible officer',
    'lead officer',
    'by whom',
    'who',
    'action lead',
    'responsible person',
    'who is responsible',
    'who will do it',
    'who will lead',
    'assigned to',
  ],
  due: [
    'due date',
    'due',
    'target date',
    'target/completion date',
    'completion date',
    'target',
    'results/timescale',
    'timescale',
    'timescales',
    'date',
    'deadline',
    'by when',
    'when',
    'original target date',
    'original due date',
    'agreed date',
    'implementation date',
    'target completion date',
  ],
  comment: [
    'comment',
    'comments',
    'initial response',
    'latest update',
    'results',
    'progress',
    'update',
    'response',
    'management response',
    'progress update',
    'progress to date',
    'update on progress',
  ],
  updatedOn: ['date of update', 'update date', 'last updated', 'date updated', 'progress date'],
  complete: ['complete yes/no', 'complete', 'completed', 'complete y/n'],
  rag: ['rag status', 'rag', 'status', 'brag', 'brag status', 'rag rating', 'current status', 'implementation status'],
  priority: ['priority'],
  agreed: ['agreed', 'agreed yes/no', 'accepted'],
  revisedDue: [
    'revised target date',
    'revised due date',
    'revised date',
    'revised deadline',
    'revised timescale',
    'revised completion date',
    'new target date',
  ],
  group: [
    'audit',
    'audit title',
    'audit name',
    'audit area',
    'audit report',
    'report',
    'report title',
    'review',
    'theme',
    'workstream',
  ],
  actionRef: ['action ref', 'action no', 'action number', 'action id'],
  completedOn: [
    'date completed',
    'date complete',
    'actual completion date',
    'completed date',
    'date closed',
    'date implemented',
  ],
};

/** Every header label with its field, longest first so "action owner" wins over "action". */
const LABELS = (Object.entries(SYNONYMS) as [Field, string[]][])
  .flatMap(([field, labels]) => labels.map((label) => ({ field, label })))
  .sort((a, b) => b.label.length - a.label.length);

const FIELD_OF_LABEL = new Map(LABELS.map((l) => [l.label, l.field]));

export const normalise = (cell: string): string =>
  cell
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();

/** The field a heading names exactly. Headings are short; checking only short cells keeps long comment cells from costing anything. */
export const exact = (cell: string): Field | undefined => {
  if (cell.length > 40) return undefined;
  const n = normalise(cell);
  const field = FIELD_OF_LABEL.get(n);
  if (field || !n.includes('/')) return field;
  // "Recommendation / AFI", "Status / RAG": a heading giving two names for its column is the first's.
  const names = n.split('/');
  return names.every((name) => FIELD_OF_LABEL.has(name)) ? FIELD_OF_LABEL.get(names[0]) : undefined;
};

/** A label standing as whole words inside a longer cell ("A.C Priority 1-3 (low-high)"). */
const within = (cell: string): { field: Field; label: string } | undefined => {
  const n = ` ${normalise(cell)} `;
  return LABELS.find((l) => n.includes(` ${l.label} `));
};

export interface Column {
  field: Field;
  /** The header as written, so comment columns can be told apart ("Initial Response", "Latest Update"). */
  label: string;
}

export interface Header {
  columns: Map<number, Column>;
  /** Rows the header takes (1, or 2 when split over two rows). */
  height: number;
  /** Text in the first cell of a second header row, which plans use for the first section. */
  leftover?: string;
}

/** Headings of a column holding the RAG colour itself, rather than a status in words. */
const RAG_COLOUR_LABELS = new Set(['rag', 'rag status', 'rag rating', 'brag', 'brag status']);

/** Names of the columns looked for, for the message when a file has none. */
export const LOOKED_FOR =
  'Ref, Recommendation / Area for Improvement, Action, Action Owner, Due Date, Comments / Latest Update, Complete, RAG Status';

/**
 * The header starting at `rows[i]`, if it is one: at least three distinct known headings, or two
 * when one is the recommendation or action column. Other cells of a header row are then read
 * more loosely, since only a header row can make that safe.
 */
export function readHeader(rows: string[][], i: number): Header | undefined {
  const row = rows[i];
  const fields = new Set(row.map(exact).filter((f): f is Field => f !== undefined));
  const isHeader = fields.size >= 3 || (fields.size === 2 && (fields.has('recommendation') || fields.has('action')));
  if (!isHeader) return undefined;

  const next = rows[i + 1] ?? [];
  const used = new Set<number>();
  /** A heading merged over several columns ("Target date" over "Original" and "Revised") heads each of them. */
  const groupOver = (c: number): string => {
    let k = c;
    while (k > 0 && !row[k]) k--;
    return k === c || next[k] ? row[k] : '';
  };
  const labels = row.map((cell, c) => {
    const below = next[c] ?? '';
    const group = below ? groupOver(c) : '';
    const joined = (group ? [`${group} ${below}`, `${below} ${group}`] : [below]).find(
      (label) => label && exact(label),
    );
    if (joined) {
      used.add(c);
      return joined;
    }
    return cell;
  });

  const columns = new Map<number, Column>();
  const taken = new Set<Field>();
  // Beside a column for the RAG colour, a "Status" column holds the status in words ("In progress", "Complete").
  const colourColumn = labels.some((label) => RAG_COLOUR_LABELS.has(normalise(label)));
  const fieldIn = (label: string, field: Field | undefined): Field | undefined =>
    field === 'rag' && colourColumn && !RAG_COLOUR_LABELS.has(normalise(label)) ? 'complete' : field;
  // A heading named exactly ("Lead Officer") beats one that only contains a label ("Lead Agency",
  // "Recommendation type"), wherever it stands.
  const passes: ((label: string) => Field | undefined)[] = [
    exact,
    (label) => (exact(label) ? undefined : within(label)?.field),
  ];
  for (const fieldOf of passes) {
    labels.forEach((label, c) => {
      const field = fieldIn(label, fieldOf(label));
      // Several comment columns make one log; any other field counts once, at its first column.
      if (field && (field === 'comment' || !taken.has(field))) columns.set(c, { field, label: label.trim() });
      if (field) taken.add(field);
    });
  }
  keepFirstPromised(labels, columns, taken);
  const inOrder = new Map([...columns].sort(([a], [b]) => a - b));
  const height = used.size ? 2 : 1;
  const leftover = used.size && !used.has(0) && next[0] ? next[0] : undefined;
  return { columns: inOrder, height, leftover };
}

/**
 * A plan that keeps the date first promised beside the current one ("Due Date" and "Original Due Date", as
 * Chaser's board pack does): the original column is the due date as first given, the other its revision.
 */
function keepFirstPromised(labels: string[], columns: Map<number, Column>, taken: Set<Field>): void {
  if (taken.has('revisedDue')) return;
  const original = labels.findIndex((label) => /^original\b/i.test(label.trim()) && exact(label) === 'due');
  const current = [...columns].find(([c, column]) => column.field === 'due' && c !== original);
  if (original < 0 || !current) return;
  columns.set(current[0], { ...current[1], field: 'revisedDue' });
  columns.set(original, { field: 'due', label: labels[original].trim() });
}
