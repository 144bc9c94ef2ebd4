/** `list --plan KEY [--json]`: a plan's actions with effective RAG; JSON Lines, one object per action. */
import { listActionViews, type ActionView } from '../../../core/actions/view';
import { findPlanByKey } from '../../../core/plans';
import { parseArgs, stringOption, type CliCommand } from '../command';

export const list: CliCommand = {
  name: 'list',
  usage: 'list --plan KEY [--json]',
  summary: "list a plan's actions with effective RAG and reasons",
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const key = stringOption(options, 'plan');
    if (!key) {
      ctx.err('list needs --plan KEY (see `npm run chaser -- plans`)');
      return 2;
    }
    const plan = await findPlanByKey(ctx.core, key);
    if (!plan) {
      ctx.err(`no plan with key ${key}`);
      return 1;
    }
    const views = await listActionViews(ctx.core, { planId: plan.id });
    for (const v of views) ctx.out(options.json ? JSON.stringify(jsonLine(v)) : textLine(v));
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
