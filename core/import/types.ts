/** What the importer's parsing layer hands on: a plan as read from a file, before anything is stored. */
import type { ActionStatus, DuePrecision, Rag } from '../domain';
import type { FillWord } from './fill-colour';

export interface ImportProblem {
  file: string;
  row?: number;
  column?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedDue {
  text: string;
  /** Last day the wording allows, UTC midnight; null when the wording gives no date. */
  date: Date | null;
  precision: DuePrecision;
}

export interface ParsedOwner {
  post: string;
  /** What this owner answers for, when one cell names several ("Cdr Jarman- SNTs"). */
  role?: string;
}

export interface ParsedUpdate {
  at: Date | null;
  text: string;
}

export interface ParsedAction {
  /** Unique within the plan, e.g. "7" or "3.2". */
  ref: string;
  text: string;
  owners: ParsedOwner[];
  due: ParsedDue;
  status: ActionStatus;
  reportedRag: Rag | null;
  /** Normalised from what the plan writes: High/Medium/Low, 1/2/3, P1, "Must do", "Cause of concern". */
  priority?: 'high' | 'medium' | 'low';
  /** The due date the plan first gave, when a revised date replaced it. */
  originalDue?: ParsedDue;
  /** How a closed action ended: implemented, risk accepted, superseded / no longer applicable. */
  outcome?: 'implemented' | 'risk_accepted' | 'superseded';
  /** When the plan says it was completed ("Date completed"). */
  completedAt?: Date | null;
  /** Oldest first. */
  updates: ParsedUpdate[];
  /** Refs of the actions this one points to ("As Actions 1-6 above"). */
  links: string[];
  row: number;
}

export interface ParsedRecommendation {
  ref: string;
  text: string;
  section?: string;
  /** Where the report says it: "Page 12", "para 7.70". */
  sourceLocator?: string;
  priority?: string;
  agreed?: boolean;
  /** Background a reader needs, e.g. the grade of the area an inspection drew it from. */
  context?: string;
  row: number;
  actions: ParsedAction[];
}

export interface ParsedPlan {
  title?: string;
  issuer?: string;
  reportDate?: Date;
  planOwner?: string;
  recommendations: ParsedRecommendation[];
  problems: ImportProblem[];
}

/** One table as read from a file; row numbers are 1-based positions in `rows`. */
export interface Table {
  name?: string;
  rows: string[][];
  /** 0-based indexes of rows that open a new table in a document (Word, Markdown). */
  tableStarts?: Set<number>;
  /** A spreadsheet's or web page's cell fills that stand for a RAG colour, by row and column (fill-colour.ts). */
  fills?: (FillWord | null)[][];
}
