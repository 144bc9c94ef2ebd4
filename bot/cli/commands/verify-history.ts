/** `verify-history [--plan KEY]`: recomputes the history hash chains; exit 1 names each action whose chain breaks. */
import { problemWords, verifyHistory } from '../../../core/history/verify';
import { findPlanByKey } from '../../../core/plans';
import { parseArgs, stringOption, type CliCommand } from '../command';

export const verifyHistoryCommand: CliCommand = {
  name: 'verify-history',
  usage: 'verify-history [--plan KEY]',
  summary: 'check that no history entry was changed or removed',
  async run(args, ctx) {
    const planKey = stringOption(parseArgs(args).options, 'plan')?.toUpperCase();
    if (planKey && !(await findPlanByKey(ctx.core, planKey))) {
      ctx.err(`There is no plan ${planKey}.`);
      return 2;
    }
    const check = await verifyHistory(ctx.core, planKey);
    if (check.sealed) ctx.out(`${check.sealed} entries written before the chain existed were added to it`);
    const scope = `${check.entries} history entries of ${check.actions} actions${planKey ? ` in ${planKey}` : ''}`;
    if (!check.problems.length) {
      ctx.out(`${scope}: all intact`);
      return 0;
    }
    ctx.err(`${scope}: ${check.problems.length} ${check.problems.length === 1 ? 'action' : 'actions'} altered`);
    for (const p of check.problems) ctx.err(problemWords(p));
    return 1;
  },
};
