/**
 * What one history row says. History is the record a committee relies on, so every kind of change has
 * a name and its facts as structured `detail` (who asked, why, who approved, the file row), from which
 * the sentences people read are written; raw field names never reach a reader.
 */
export const UPDATE_KINDS = [
  'progress', // an owner's update: a note, a RAG, completing
  'import', // a dated update log read from a plan file
  'change', // a field the plan file changed on re-import
  'due', // the due date moved (approved request, or the file)
  'extension', // a request for a new date refused
  'verification', // a completion verified or reopened
  'outcome', // closed as risk accepted or superseded, or reopened for review
  'evidence', // evidence added
  'owner', // owners changed
  'request', // an update asked of the owners by a date
] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** The facts behind a history sentence; each kind uses the parts that apply to it. */
export interface UpdateDetail {
  /** The plan file and row a change came from. */
  source?: { file: string; row?: number };
  /** Who asked for a new date and why. */
  askedBy?: string;
  reason?: string;
  /** Who approved or decided. */
  approvedBy?: string;
  /** Evidence rows added with this update. */
  evidenceIds?: string[];
  /** A risk acceptance's review date (YYYY-MM-DD); a supersession's replacing action ref. */
  reviewDate?: string;
  replacedBy?: string;
  /** A decision recorded in a board meeting. */
  meeting?: { title: string; date: string };
  /** Facts an import found changed both in the file and in Teams, Teams' value kept: each in words. */
  conflicts?: string[];
}

/** One row to append to an action's history. */
export interface HistoryEntry {
  actionId: string;
  at: Date;
  kind: UpdateKind;
  authorName?: string | null;
  authorPersonId?: string | null;
  text?: string | null;
  /** { field: [before, after] }: what the as-of views roll back. */
  changes?: Record<string, [unknown, unknown]> | null;
  rag?: string | null;
  idempotencyKey?: string | null;
  detail?: UpdateDetail | null;
}
