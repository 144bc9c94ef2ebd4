/** `list [--plan KEY] [--json]`: actions with effective RAG, one plan or every plan; JSON Lines, one object per action. */
import type { ActionView } from '../../../core/actions/view';
import { actionViews } from '../../../core/actions/view-loader';
import { inPlans } from '../../../core/store/action-filter';
import { findPlanByKey, planIdsByKey } from '../../../core/plans';
import { parseArgs, stringOption, type CliCommand } from '../command';

export const list: CliCommand = {
  name: 'list',
  usage: 'list [--plan KEY] [--json]',
  summary: 'list actions (of one plan, or of every plan) with effective RAG and reasons',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const key = stringOption(options, 'plan');
    const plan = key ? await findPlanByKey(ctx.core, key) : undefined;
    if (plan === null) {
      ctx.err(`no plan with key ${key}`);
      return 1;
    }
    const planIds = plan ? [plan.id] : await planIdsByKey(ctx.core);
    // A plan at a time, so a large database is never held in memory at once.
    for (const id of planIds) {
      for (const v of await actionViews(ctx.core, { where: inPlans([id]), order: 'plan' }))
        ctx.out(options.json ? JSON.stringify(jsonLine(v)) : textLine(v));
    }
    return 0;
  },
};

function jsonLine(v: ActionView) {
  return {
    plan: v.planKey,
    section: v.section,
    recommendation: { ref: v.recommendationRef, text: v.recommendationText },
    action: { ref: v.ref, text: v.text },
    owners: v.owners.map((o) => ({ post: o.post, role: o.role, holders: o.holders.map((h) => h.displayName) })),
    due: v.due,
    dueText: v.dueText,
    duePrecision: v.duePrecision,
    status: v.status,
    reportedRag: v.reportedRag,
    effectiveRag: v.effectiveRag,
    reason: v.reason,
    lastUpdate: v.lastUpdate ? { date: v.lastUpdate.at.slice(0, 10), text: v.lastUpdate.text } : null,
    updates: v.updates,
  };
}

function textLine(v: ActionView): string {
  const owners = v.owners.map((o) => o.post).join(' / ') || '-';
  return `${v.displayRef}\t${v.effectiveRag}\t${v.dueText ?? '-'}\t${owners}\t${v.reason}`;
}
