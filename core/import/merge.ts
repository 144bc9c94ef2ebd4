/**
 * Re-importing a plan is a merge, never a silent overwrite. Each action remembers what the last import
 * wrote (`Action.importedValues`). A fact changes only where the file changed it since then; where Teams
 * changed it too, Teams wins and the row is reported as a conflict (unless the file is preferred).
 * Facts are compared as the file writes them ("Now", "01-Mar-15"), so an unchanged cell never moves a
 * stored date however its words resolve today.
 */
import { dueWords } from '../due-words';
import { statusText, type Rag } from '../domain';
import { ragWord } from '../rag';

/** The facts a plan file and Teams can both change, each compared and reported as one. */
export interface Facts {
  text: string;
  due: { text: string | null; date: string | null; precision: string };
  status: string;
  reportedRag: string | null;
  owners: { post: string; role: string | null }[];
}
export type Fact = keyof Facts;
const FACTS: Fact[] = ['text', 'due', 'status', 'reportedRag', 'owners'];

export interface FactChange {
  fact: Fact;
  from: Facts[Fact];
  to: Facts[Fact];
}

export interface Merge {
  /** What the action becomes. */
  facts: Facts;
  changes: FactChange[];
  /** Facts Teams changed that the file changed too: kept as Teams left them unless the file is preferred. */
  conflicts: { fact: Fact; kept: Facts[Fact]; file: Facts[Fact] }[];
}

/**
 * `lastImported` null: an action imported before imports were remembered; a fact its history shows
 * changed in Teams (`touchedInTeams`) counts as changed there, any other as the file left it.
 */
export function mergeFacts(
  current: Facts,
  file: Facts,
  lastImported: Partial<Facts> | null,
  touchedInTeams: ReadonlySet<Fact>,
  preferFile: boolean,
): Merge {
  const facts = { ...current };
  const changes: FactChange[] = [];
  const conflicts: Merge['conflicts'] = [];
  for (const fact of FACTS) {
    const before = lastImported ? lastImported[fact] : touchedInTeams.has(fact) ? undefined : current[fact];
    const fileChanged = before === undefined || !sameWords(fact, file[fact], before);
    if (!fileChanged || same(fact, file[fact], current[fact])) continue;
    const teamsChanged = before === undefined || !same(fact, current[fact], before);
    if (teamsChanged && !preferFile) {
      conflicts.push({ fact, kept: current[fact], file: file[fact] });
      continue;
    }
    (facts as Record<Fact, unknown>)[fact] = file[fact];
    changes.push({ fact, from: current[fact], to: file[fact] });
  }
  return { facts, changes, conflicts };
}

/** Whether the file says the same as before: a due date by its words, everything else by value. */
function sameWords(fact: Fact, a: unknown, b: unknown): boolean {
  if (fact !== 'due') return same(fact, a, b);
  return ((a as Facts['due']).text ?? '') === ((b as Facts['due'] | undefined)?.text ?? '');
}

function same(fact: Fact, a: unknown, b: unknown): boolean {
  if (fact === 'due') {
    const [x, y] = [a as Facts['due'], b as Facts['due']];
    return (x.text ?? '') === (y.text ?? '') && x.date === y.date;
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const FACT_WORDS: Record<Fact, string> = {
  text: 'text',
  due: 'due date',
  status: 'status',
  reportedRag: 'RAG',
  owners: 'owners',
};

/** A fact's value as a reader sees it: "1 Mar 2015", "Red", "awaiting verification", "FCR; Head of SDD". */
export function factValueWords(fact: Fact, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  switch (fact) {
    case 'due': {
      const d = value as Facts['due'];
      return dueWords({ due: d.date, dueText: d.text });
    }
    case 'status':
      return statusText(value) ?? String(value);
    case 'reportedRag':
      return ragWord(value as Rag);
    case 'owners':
      return (value as Facts['owners']).map((o) => (o.role ? `${o.post}, ${o.role}` : o.post)).join('; ') || 'none';
    default: {
      const text = String(value).replace(/\s+/g, ' ');
      return `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
    }
  }
}

export function factWords(fact: Fact): string {
  return FACT_WORDS[fact];
}

/** "due date 1 Mar 2015 → 1 Jun 2015" */
export function changeWords(c: FactChange): string {
  return `${FACT_WORDS[c.fact]} ${factValueWords(c.fact, c.from)} → ${factValueWords(c.fact, c.to)}`;
}

/** "due date kept at 31 Mar 2027, set in Teams; the file says 1 Mar 2015" */
export function conflictWords(c: Merge['conflicts'][number]): string {
  return `${FACT_WORDS[c.fact]} kept at ${factValueWords(c.fact, c.kept)}, set in Teams; the file says ${factValueWords(c.fact, c.file)}`;
}

/** What `Action.importedValues` stores: the facts as the file gave them. */
export function readImported(json: string | null): Partial<Facts> | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as Partial<Facts>;
  } catch {
    return null;
  }
}
