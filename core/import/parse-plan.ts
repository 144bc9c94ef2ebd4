/**
 * Entry point of the importer's parsing layer: a plan file -> ParsedPlan. Whatever the file holds,
 * the result is a plan and a list of problems; nothing here throws on bad input, because a person
 * uploading a plan needs to be told what to fix, not shown a stack trace.
 */
import { parseDue, parseDay } from './due-date';
import { LOOKED_FOR } from './headers';
import { completeClipped, ownersFromActionText, parseOwners, UNCLOSED_BRACKET } from './owners';
import { extensionOf, readTables, readTextTables } from './read-table';
import { dateCellSaysDone, parseStatus, readStatusKey, SAME_AS_ABOVE, type ReadStatus, type StatusKey } from './status';
import {
  linkedRefs,
  splitLocator,
  structure,
  cellValue,
  valuesOf,
  type RawPlan,
  type RawRecommendation,
} from './structure';
import { withFillRag } from './fill-colour';
import { proseTable } from './prose';
import type { ImportProblem, ParsedAction, ParsedOwner, ParsedPlan, ParsedRecommendation, Table } from './types';
import { parseUpdateLog } from './update-log';

const ISSUER = /\b(HMICFRS|HMICS|HMIC|Audit Commission|Internal Audit|Ofsted|CQC|IOPC)\b/;

/** A title block's line that names the plan as a plan, tracker or statement of action. */
const NAMES_PLAN = /\b(?:plan|tracker|statement of action)\b/i;
/** Failing one, a heading naming a follow-up of recommendations: a sentence that mentions them is no title. */
const namesFollowUp = (line: string): boolean =>
  /\b(?:follow[- ]?up|recommendations)\b/i.test(line) && line.length <= 100 && !/\.\s*$/.test(line);
/** A day as a title block writes it: "12 March 2024", "March 2024", "March 12, 2024", "12/03/2024". */
const DAY_WRITTEN =
  '(?:\\d{1,2}(?:st|nd|rd|th)? )?[a-z]+\\.? \\d{4}|[a-z]+\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}';
const REPORT_DATED = new RegExp(
  `\\b(?:date of (?:assessment|inspection|audit|report|visit|review)|(?:assessment|inspection|audit|report) date)\\s*:?\\s*(${DAY_WRITTEN})`,
  'i',
);
/** The date a tracker gives the position it reports at: "Position as at …", "Status at …", "Updated: …". */
const POSITION_DATED = new RegExp(
  `\\b(?:(?:position|status|progress)(?: as)? at|(?:last )?updated(?: on)?)\\s*:?\\s*(${DAY_WRITTEN})`,
  'i',
);

/** Title, issuer, plan owner and report date from the text around the tables. */
function readPreamble(preamble: string[][]): Pick<ParsedPlan, 'title' | 'issuer' | 'planOwner' | 'reportDate'> {
  const cells = preamble.flat();
  // Planner's export names its plan on a row of its own: "Plan name | Inspection improvement plan".
  const named = preamble.find((r) => r.length === 2 && /^plan (?:name|title)$/i.test(r[0].trim()))?.[1];
  const lines = preamble.filter((r) => r.length === 1).map((r) => r[0]);
  const titleCell = named ?? lines.find((c) => NAMES_PLAN.test(c)) ?? lines.find(namesFollowUp);
  const joined = cells.join(' ');
  // The report's own date is what relative due dates count from; failing it, the date of the position reported.
  const reportDated =
    /report (?:issued|published)(?: in| on)? ((?:\d{1,2} )?[a-z]+\.? \d{4})/i.exec(joined) ??
    REPORT_DATED.exec(joined) ??
    cells.map((c) => POSITION_DATED.exec(c)).find(Boolean);
  return {
    title: titleCell?.replace(/\s+(?:\S+\s+)?(?:portfolio|plan) owner\s*:.*$/i, '').trim() || undefined,
    issuer: ISSUER.exec(joined)?.[1],
    planOwner: cells.map((c) => /\bplan owner\s*:\s*(.+)$/i.exec(c)?.[1].trim()).find(Boolean),
    reportDate: reportDated ? (parseDue(reportDated[1]).due.date ?? undefined) : undefined,
  };
}

/**
 * A workbook with a sheet per audit repeats its title block on each, ending with the sheet's own name
 * ("Appendix B: follow-up of recommendations — Payroll"): the plan's line is the one without it.
 */
function withoutSheetName(row: string[], sheet: string | undefined): string[] {
  if (!sheet || row.length !== 1 || !row[0].endsWith(sheet)) return row;
  const before = /^(.*\S)\s*[-–—:|]\s*$/.exec(row[0].slice(0, -sheet.length));
  return before ? [before[1]] : row;
}

const PRIORITY: [RegExp, NonNullable<ParsedAction['priority']>][] = [
  [/^(?:p?1|high|h|must(?: do)?|essential|cause of concern|key|fundamental|priority 1|critical|urgent|red)\b/i, 'high'],
  [/^(?:p?2|medium|med|m|should(?: do)?|significant|important|priority 2|amber)\b/i, 'medium'],
  [/^(?:p?3|low|l|could(?: do)?|merits attention|housekeeping|minor|priority 3|green)\b/i, 'low'],
];

/** High / Medium / Low as plans write them: 1/2/3, P1, "Must do / Should do", "Cause of concern". */
export function parsePriority(cell: string | undefined): ParsedAction['priority'] | undefined {
  // SharePoint lists number their choices: "(1) High".
  const text = (cell ?? '').trim().replace(/^\((\d)\)\s*/, '$1 ');
  return PRIORITY.find(([re]) => re.test(text))?.[1];
}

const AGREED: Record<string, boolean> = {
  y: true,
  yes: true,
  agreed: true,
  accepted: true,
  n: false,
  no: false,
  rejected: false,
};

/**
 * Raw recommendations -> parsed ones. Action refs are the numbers the plan wrote; where a plan
 * restarts its numbering (force, HMICS and national recommendations in one file) a repeated ref is
 * qualified by the first word of its part ("National 5") so every action ref stays unique.
 */
function interpret(
  raws: RawRecommendation[],
  file: string,
  reportDate: Date | undefined,
  key: StatusKey,
  problems: ImportProblem[],
): ParsedRecommendation[] {
  const usedActionRefs = new Set<string>();
  const usedRecRefs = new Set<string>();
  const finalRefOf = new Map<string, string>();
  let lastNumber = 0;
  /** The status of the action read last, for a row whose status says "See above". */
  let above: ReadStatus | undefined;
  const uniqueRef = (ref: string, section: string | undefined, row: number): string => {
    const unique = qualify(usedActionRefs, ref, section);
    if (unique !== ref)
      problems.push({
        file,
        row,
        message: `ref ${ref} is used more than once — imported as '${unique}'`,
        severity: 'warning',
      });
    return unique;
  };

  /** Owner cells a column cut off, completed once every owner of the plan is known. */
  const clipped: { cell: string; row: number; owners: ParsedOwner[] }[] = [];
  const recs = raws.map((raw, index): ParsedRecommendation => {
    const { text, sourceLocator } = splitLocator(raw.text.trim());
    const actions = raw.actions.map((a, k): ParsedAction => {
      const written =
        a.writtenRef ??
        (raw.boardStyle ? raw.ref : undefined) ??
        (raw.ref ? `${raw.ref}.${k + 1}` : String(lastNumber + 1));
      if (/^\d+$/.test(written)) lastNumber = Number(written);
      const ref = uniqueRef(written, raw.section, a.row);
      finalRefOf.set(written, ref);
      const inCell = fieldsInActionText(a.text);
      const ownerCell = cellValue(a.cells, 'owner') || inCell.owner;
      const fromText = ownerCell
        ? { text: inCell.text, owners: parseOwners(ownerCell) }
        : ownersFromActionText(inCell.text);
      if (UNCLOSED_BRACKET.test(ownerCell)) clipped.push({ cell: ownerCell, row: a.row, owners: fromText.owners });
      const dueCell = cellValue(a.cells, 'due') || inCell.due;
      const revisedCell = cellValue(a.cells, 'revisedDue');
      // "Implemented" written where the (revised) date goes: done, and no date to read.
      const doneCell = [revisedCell, dueCell].find(dateCellSaysDone);
      const first = dateCellSaysDone(dueCell)
        ? { due: { text: dueCell, date: null, precision: 'none' as const } }
        : parseDue(dueCell, reportDate);
      const revised = revisedCell && !dateCellSaysDone(revisedCell) ? parseDue(revisedCell, reportDate) : undefined;
      // A revised date replaces the one the plan first gave, which is kept as the original.
      const { due } = revised?.due.date ? revised : first;
      const firstGiven = first.due.date || first.due.text ? first.due : undefined;
      const originalDue = revised?.due.date ? firstGiven : 'original' in first ? first.original : undefined;
      for (const warning of [first.warning, revised?.warning])
        if (warning) problems.push({ file, row: a.row, column: 'Due Date', message: warning, severity: 'warning' });
      const updatedOn = cellValue(a.cells, 'updatedOn');
      const comments = valuesOf(a.cells, 'comment');
      const completedOn = cellValue(a.cells, 'completedOn');
      const completedAt = parseDay(completedOn);
      const statusCell = (cellValue(a.cells, 'rag') || cellValue(a.cells, 'complete')).trim();
      const status =
        above && SAME_AS_ABOVE.test(statusCell)
          ? above
          : parseStatus(
              {
                complete: cellValue(a.cells, 'complete'),
                rag: cellValue(a.cells, 'rag'),
                updatedOn,
                latestComment: comments[comments.length - 1],
                completedOn,
                due: doneCell ?? dueCell,
              },
              key,
            );
      above = status;
      return {
        ref,
        text: raw.boardStyle ? text : fromText.text,
        owners: fromText.owners,
        due,
        ...(originalDue && { originalDue }),
        ...(parsePriority(a.priority ?? raw.priority) && { priority: parsePriority(a.priority ?? raw.priority) }),
        ...status,
        ...(completedAt && { completedAt }),
        updates: parseUpdateLog(comments, parseDay(updatedOn.replace(/\(closed\)/i, ''))),
        links: linkedRefs(a.text),
        row: a.row,
      };
    });
    // Board-style rows are one recommendation with one action under the same number: keep them in step.
    const written = raw.ref ?? String(index + 1); // plans without a ref column: the recommendation's place in the plan
    const recRef =
      raw.boardStyle && actions.length === 1 && !usedRecRefs.has(actions[0].ref) ? actions[0].ref : written;
    return {
      ref: qualify(usedRecRefs, recRef, raw.section),
      text,
      ...(raw.section && { section: raw.section }),
      ...(sourceLocator && { sourceLocator }),
      ...(raw.priority && { priority: raw.priority }),
      ...(raw.agreed &&
        AGREED[raw.agreed.trim().toLowerCase()] !== undefined && { agreed: AGREED[raw.agreed.trim().toLowerCase()] }),
      ...(raw.context && { context: raw.context }),
      row: raw.row,
      actions,
    };
  });

  const known = recs.flatMap((r) => r.actions.flatMap((a) => a.owners.map((o) => o.post)));
  for (const { cell, row, owners } of clipped) {
    for (const owner of owners) owner.post = completeClipped(owner.post, known);
    const read = owners.map((o) => o.post).join("', '");
    problems.push({
      file,
      row,
      column: 'Owner',
      message: `owner '${cell}' looks cut off — read as '${read}'; check it`,
      severity: 'warning',
    });
  }

  // Links name actions as the plan numbered them; point them at the refs actually given.
  for (const action of recs.flatMap((r) => r.actions)) action.links = action.links.map((l) => finalRefOf.get(l) ?? l);
  return recs;
}

/** "… Responsible officer: Head of HR. Agreed date: March 2025" inside the action cell. */
function fieldsInActionText(text: string): { text: string; owner: string; due: string } {
  const label =
    /\s*\b(responsible officers?|lead officer|action owner|owner|agreed date|target date|due date|due)\s*:\s*/gi;
  const marks = [...text.matchAll(label)];
  if (!marks.length) return { text, owner: '', due: '' };
  const found = { owner: '', due: '' };
  marks.forEach((m, k) => {
    const value = text
      .slice(m.index! + m[0].length, marks[k + 1]?.index ?? text.length)
      .trim()
      .replace(/[.;,]$/, '');
    if (/officer|owner/i.test(m[1])) found.owner ||= value;
    else found.due ||= value;
  });
  return { text: text.slice(0, marks[0].index).trim(), ...found };
}

/**
 * A ref not used yet in `used`: a repeat is qualified by the first word of its section ("National 5"),
 * then numbered ("5-2"), because plans restart their numbering in each part.
 */
function qualify(used: Set<string>, ref: string, section: string | undefined): string {
  let unique = used.has(ref) && section ? `${section.split(/\s/)[0]} ${ref}` : ref;
  for (let n = 2; used.has(unique); n++) unique = `${ref}-${n}`;
  used.add(unique);
  return unique;
}

/** Words of a status picked from a list, as Planner's "Progress" column holds them. */
const STATUS_WORD = /^(?:not started|in progress|started|completed?|done|open|closed|overdue|late|on hold|deferred)$/i;

/**
 * A progress column that holds nothing but status words ("Not started", "In progress", "Completed") is the
 * actions' status, not their progress notes.
 */
function statusWordsAsStatus(recs: RawRecommendation[]): RawRecommendation[] {
  const actions = recs.flatMap((r) => r.actions);
  const keys = new Set(actions.flatMap((a) => [...a.cells.keys()].filter((k) => k.startsWith('comment|'))));
  for (const key of keys) {
    const values = actions.map((a) => a.cells.get(key)).filter((v): v is string => !!v);
    if (!values.length || !values.every((v) => STATUS_WORD.test(v.trim()))) continue;
    const status = `complete|${key.slice('comment|'.length)}`;
    for (const a of actions) {
      const value = a.cells.get(key);
      a.cells.delete(key);
      if (value) a.cells.set(status, value);
    }
  }
  return recs;
}

/** Owners are what Chaser chases, so a missing one is worth a warning — once, if the plan names none. */
function checkOwners(recs: ParsedRecommendation[], file: string, problems: ImportProblem[]): void {
  const actions = recs.flatMap((r) => r.actions);
  const ownerless = actions.filter((a) => !a.owners.length);
  if (actions.length && ownerless.length === actions.length) {
    problems.push({
      file,
      message: 'no action names an owner — owners will have to be assigned after import',
      severity: 'warning',
    });
  } else {
    for (const a of ownerless)
      problems.push({
        file,
        row: a.row,
        column: 'Action Owner',
        message: `action ${a.ref} has no owner`,
        severity: 'warning',
      });
  }
}

/** What the reader took on trust, said in the dry-run report so a wrong guess is caught before import. */
function assumptions(raws: RawPlan[], key: StatusKey, file: string): ImportProblem[] {
  const said: string[] = [];
  const labels = new Set(
    raws.flatMap((r) => r.recommendations.flatMap((rec) => rec.actions.flatMap((a) => [...a.cells.keys()]))),
  );
  const labelOf = (field: string) => [...labels].find((k) => k.startsWith(`${field}|`))?.slice(field.length + 1);
  const revised = labelOf('revisedDue');
  if (revised) {
    const first = labelOf('due');
    said.push(
      `read '${revised}' as the due date${first ? `; the date in '${first}' kept as the original due date` : ''}`,
    );
  }
  const completed = labelOf('completedOn');
  if (completed) said.push(`read a date in '${completed}' as the owner saying the action is done`);
  for (const colour of key.doneColours)
    if (colour !== 'COMPLETE') said.push(`read ${colour} as done, as the plan's key says`);
  return said.map((message) => ({ file, message, severity: 'warning' }));
}

/**
 * A sheet named for how its actions stand ("Open", "Closed actions") rather than for an audit or report: no
 * part of the plan. Group 1 holds the names of finished work.
 */
const STATE_SHEET =
  /^(?:open|live|current|active|outstanding|in progress|ongoing|(closed|completed?|done|implemented|archived?|finished))(?:\s+(?:actions?|recommendations?|items?))?$/i;

export interface ParseOptions {
  /** The report's date, which "Now" and "Within three months" count from; read from the file when absent. */
  reportDate?: Date;
}

/** Tables already read from a file -> the plan they hold. */
export function parseTables(tables: Table[], fileName: string, opts: ParseOptions = {}): ParsedPlan {
  const problems: ImportProblem[] = [];
  try {
    let raws: RawPlan[] = tables
      .map(withFillRag)
      .map((t) => structure(t.rows, t.name ? `${fileName} › ${t.name}` : fileName, problems, t.tableStarts));
    const prose = raws.some((r) => r.headerFound) ? undefined : proseTable(tables);
    if (prose) {
      // What the tables' pass warned about was read as a table, which the text is not.
      problems.length = 0;
      raws = [structure(prose.rows, fileName, problems)];
      problems.push({
        file: fileName,
        message: 'no plan table: read the plan a recommendation at a time, from labelled lines or two-column forms',
        severity: 'warning',
      });
    }
    if (!raws.some((r) => r.headerFound)) {
      problems.push({
        file: fileName,
        message: `no plan table found — looked for a header row naming at least three of: ${LOOKED_FOR}`,
        severity: 'error',
      });
    }
    // Sheets that each hold part of the plan are each an audit or report of their own: the sheet names the part.
    const parts = raws.filter((r) => r.recommendations.length);
    const sheetOf = (i: number) => (parts.length > 1 ? tables[i].name : undefined);
    const meta = readPreamble(raws.flatMap((r, i) => r.preamble.map((row) => withoutSheetName(row, sheetOf(i)))));
    const reportDate = opts.reportDate ?? meta.reportDate;
    const key = readStatusKey(raws.flatMap((r) => r.preamble).flat());
    const named = (raw: RawPlan, i: number) => {
      const sheet = sheetOf(i);
      const state = sheet ? STATE_SHEET.exec(sheet.trim()) : null;
      if (state?.[1]) {
        // A sheet the finished actions are moved to says each is done, unless the action's own cells say.
        for (const action of raw.recommendations.flatMap((rec) => rec.actions))
          if (!cellValue(action.cells, 'complete')) action.cells.set(`complete|${sheet}`, state[1]);
        problems.push({
          file: fileName,
          message: `read the actions on sheet '${sheet}' as done, as its name says`,
          severity: 'warning',
        });
      }
      return sheet && !state
        ? raw.recommendations.map((rec) => ({ ...rec, section: rec.section ? `${sheet} — ${rec.section}` : sheet }))
        : raw.recommendations;
    };
    const recommendations = interpret(statusWordsAsStatus(raws.flatMap(named)), fileName, reportDate, key, problems);
    const actionCount = recommendations.reduce((n, r) => n + r.actions.length, 0);
    if (!actionCount && !problems.some((p) => p.severity === 'error')) {
      const found = recommendations.length
        ? `${recommendations.length} recommendation(s) but no action under them`
        : 'a header row but no row of actions under it';
      problems.push({
        file: fileName,
        message: `not imported: found ${found} — a plan needs at least one action`,
        severity: 'error',
      });
    }
    checkOwners(recommendations, fileName, problems);
    problems.push(...assumptions(raws, key, fileName));
    return { ...meta, ...(reportDate && { reportDate }), recommendations, problems };
  } catch (err) {
    return { recommendations: [], problems: [...problems, unreadable(fileName, err)] };
  }
}

const unreadable = (fileName: string, err: unknown): ImportProblem => ({
  file: fileName,
  message: `could not read ${fileName}: ${err instanceof Error ? err.message : String(err)}`,
  severity: 'error',
});

/**
 * A plan file as pasted or exported as text (.csv, .tsv, .txt, .md) -> its plan, synchronously.
 * Spreadsheets and Word documents have to be unzipped, which exceljs and mammoth only do
 * asynchronously: those go through parsePlanFile, and get an error problem here.
 */
export function parsePlan(buffer: Buffer, fileName: string, opts: ParseOptions = {}): ParsedPlan {
  const tables = readTextTables(buffer, fileName);
  if (tables) return parseTables(tables, fileName, opts);
  return {
    recommendations: [],
    problems: [
      {
        file: fileName,
        message: `${fileName} is a ${extensionOf(fileName)} file — read it with parsePlanFile`,
        severity: 'error',
      },
    ],
  };
}

/** Any plan file, .xlsx and .docx included -> its plan. */
export async function parsePlanFile(buffer: Buffer, fileName: string, opts: ParseOptions = {}): Promise<ParsedPlan> {
  try {
    return parseTables(await readTables(buffer, fileName), fileName, opts);
  } catch (err) {
    return { recommendations: [], problems: [unreadable(fileName, err)] };
  }
}
