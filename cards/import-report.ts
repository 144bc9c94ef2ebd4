/**
 * The chat import cards: the dry-run report with Import / Cancel, and the cards that replace it
 * (imported, cancelled, already handled). Plan text in problems is escaped like all user text.
 */
import type { ImportResult } from '../core/import/apply';
import { describeProblem } from '../core/import/import-file';
import { adaptiveCard, executeAction, heading, textBlock, type AdaptiveCard, type CardElement } from './card';
import { safe } from './text';
import { formatDate } from '../core/time';

/** Cards stay well under Teams' message size: long lists are cut with a count of the rest. */
const LIST_MAX = 10;

function list(lines: string[], max = LIST_MAX): CardElement[] {
  const shown = lines.slice(0, max).map((l) => textBlock(`- ${safe(l, 300)}`, { spacing: 'None', size: 'Small' }));
  return lines.length > max
    ? [...shown, textBlock(`…and ${lines.length - max} more`, { spacing: 'None', size: 'Small', isSubtle: true })]
    : shown;
}

function summary(r: ImportResult, would: boolean): CardElement[] {
  const verb = would ? 'Would create' : 'Created';
  const line = (c: ImportResult['changes'][number]) =>
    `${c.entity} ${c.ref}${c.row ? ` (row ${c.row})` : ''}: ${c.details?.join('; ')}`;
  const updates = r.changes.filter((c) => c.kind === 'update').map(line);
  const conflicts = r.changes.filter((c) => c.kind === 'conflict').map(line);
  const problems = r.problems.map(describeProblem);
  return [
    ...(r.recognised
      ? [
          textBlock(
            `${safe(r.planKey, 40)} was imported from this file on ${formatDate(r.recognised)}: this merges into it.`,
          ),
        ]
      : []),
    textBlock(
      `In the file: ${r.counts.recommendations} recommendations, ${r.counts.actions} actions, ${r.counts.owners} owners, ${r.counts.updates} updates.`,
    ),
    textBlock(
      `${verb} ${r.created.recommendations} recommendations, ${r.created.actions} actions, ${r.created.posts} owner posts and ${r.created.updates} updates; ${would ? 'would update' : 'updated'} ${r.updated.recommendations} recommendations and ${r.updated.actions} actions.`,
    ),
    ...(r.changes.some((c) => c.kind !== 'conflict')
      ? []
      : [textBlock('Nothing would change: the plan already matches the file.')]),
    ...(updates.length
      ? [textBlock(would ? 'Would change:' : 'Changed:', { weight: 'Bolder' }), ...list(updates)]
      : []),
    ...(conflicts.length
      ? [
          textBlock('Kept as changed in Teams (the file says otherwise):', { weight: 'Bolder', color: 'Warning' }),
          ...list(conflicts),
        ]
      : []),
    ...(problems.length
      ? [
          textBlock(`${problems.length} problem${problems.length === 1 ? '' : 's'}:`, {
            weight: 'Bolder',
            color: 'Warning',
          }),
          ...list(problems),
        ]
      : []),
  ];
}

/** The dry run, with Import / Cancel when the file can be imported. */
export function importReportCard(fileName: string, r: ImportResult, pendingImportId: string | null): AdaptiveCard {
  if (!pendingImportId) {
    return adaptiveCard([
      heading(`${safe(fileName, 100)} cannot be imported`),
      ...list(r.problems.filter((p) => p.severity === 'error').map(describeProblem)),
    ]);
  }
  return adaptiveCard(
    [heading(`Import ${safe(fileName, 100)} into plan ${safe(r.planKey, 40)}?`), ...summary(r, true)],
    [
      executeAction('Import', 'import.confirm', { pendingImportId }, { style: 'positive' }),
      executeAction('Cancel', 'import.cancel', { pendingImportId }),
    ],
  );
}

export function importDoneCard(fileName: string, r: ImportResult): AdaptiveCard {
  if (r.failed) return importReportCard(fileName, r, null);
  return adaptiveCard([
    heading(`Imported ${safe(fileName, 100)} into plan ${safe(r.planKey, 40)}`),
    ...summary(r, false),
  ]);
}

export function importClosedCard(text: string): AdaptiveCard {
  return adaptiveCard([textBlock(safe(text, 300))]);
}
