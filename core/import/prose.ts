/**
 * Plans written as prose, with no table at all: each recommendation a heading or paragraph
 * ("Recommendation 3: …", "Area for improvement 2 – …", "R4. …"), its actions as labelled lines under
 * it ("Action: …", "Owner: …", "By when: …", "Status: …", "Progress: …", labels as the table headers
 * name their columns), or as the rows of a two-column form, label beside value. Read into one table under a
 * header of those labels, which the rest of the importer reads like any other; an "Action:" line starts the
 * next action.
 */
import { exact, type Field } from './headers';
import type { Table } from './types';

const RECOMMENDATION =
  /^(?:#{1,6}\s*)?(?:\*\*)?(?:recommendation|rec\.?|area\s+for\s+improvement|afi|(r))\s*(\d{1,3}(?:\.\d{1,3})*)\s*(?:\*\*)?\s*[:.)–—-]?\s*(.*)$/i;
const LABELLED = /^(?:[-*•]\s*)?(?:\*\*)?([A-Za-z][A-Za-z /]{0,38}?)(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$/;

/** The fields a prose action can carry, in the columns of the table it becomes. */
const COLUMNS: [Field, string][] = [
  ['ref', 'Ref'],
  ['recommendation', 'Recommendation'],
  ['action', 'Action'],
  ['owner', 'Owner'],
  ['due', 'Due date'],
  ['revisedDue', 'Revised target date'],
  ['completedOn', 'Date completed'],
  ['rag', 'RAG status'],
  ['priority', 'Priority'],
  ['comment', 'Progress update'],
];
const FIELDS = new Set(COLUMNS.map(([field]) => field));

interface ProseAction {
  values: Partial<Record<Field, string>>;
}
interface ProseRecommendation {
  ref: string;
  text: string;
  actions: ProseAction[];
}

/**
 * A row as a line of text. Two cells, the first a short label, are a form's label and its value (a Word
 * template's "Lead officer | Head of HR"), so they read as the labelled line "Lead officer: Head of HR".
 */
function lineOf(cells: string[]): string {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  const [label, value] = filled;
  const form = filled.length === 2 && label.length <= 40 && !/[:.;,!?]$/.test(label);
  return form ? `${label}: ${value}` : filled.join(', ');
}

/** The plan the text's lines hold as labelled prose, as one table; undefined when they hold none. */
export function proseTable(tables: Table[]): Table | undefined {
  const lines = tables.flatMap((t) => t.rows.map(lineOf));
  const recs: ProseRecommendation[] = [];
  /** Lines before the first recommendation: the title block, kept above the header. */
  const preamble: string[][] = [];
  let last: Field | 'text' | undefined;
  for (const line of lines) {
    if (!line) continue;
    const rec = RECOMMENDATION.exec(line);
    if (rec) {
      // "R4." keeps its letter, as a heading over a table does; "Recommendation 4" is 4.
      recs.push({ ref: rec[1] ? `R${rec[2]}` : rec[2], text: rec[3].trim(), actions: [] });
      last = 'text';
      continue;
    }
    const current = recs[recs.length - 1];
    if (!current) {
      preamble.push([line]);
      continue;
    }
    const labelled = LABELLED.exec(line);
    const field = labelled && exact(labelled[1]);
    if (field && FIELDS.has(field) && field !== 'ref' && field !== 'recommendation') {
      let action = current.actions[current.actions.length - 1];
      if (!action || (field === 'action' && action.values.action) || (field !== 'action' && action.values[field])) {
        current.actions.push((action = { values: {} }));
      }
      action.values[field] = labelled[2].trim();
      last = field;
      continue;
    }
    // An unlabelled line goes on with what came before it: the recommendation's text, or the last field.
    if (last === 'text' && !current.actions.length) current.text = [current.text, line].filter(Boolean).join(' ');
    else if (last && last !== 'text') {
      const action = current.actions[current.actions.length - 1];
      action.values[last] = [action.values[last], line].filter(Boolean).join(' ');
    }
  }
  const actions = recs.flatMap((r) => r.actions);
  if (!actions.length || !actions.every((a) => a.values.action) || !actions.some((a) => a.values.owner || a.values.due))
    return undefined;
  const used = COLUMNS.filter(
    ([field]) => field === 'ref' || field === 'recommendation' || actions.some((a) => a.values[field]),
  );
  const rows = recs.flatMap((r) =>
    r.actions.map((a, i) =>
      used.map(([field]) =>
        field === 'ref' ? (i ? '' : r.ref) : field === 'recommendation' ? (i ? '' : r.text) : (a.values[field] ?? ''),
      ),
    ),
  );
  return { rows: [...preamble, used.map(([, heading]) => heading), ...rows] };
}
