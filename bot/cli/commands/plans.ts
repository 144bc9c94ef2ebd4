/** `plans [--json]`: the plans in the database. */
import { listPlans } from '../../../core/plans';
import { parseArgs, type CliCommand } from '../command';

export const plans: CliCommand = {
  name: 'plans',
  usage: 'plans [--json]',
  summary: 'list plans',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const all = await listPlans(ctx.core);
    if (options.json) for (const p of all) ctx.out(JSON.stringify(p));
    else if (!all.length) ctx.out('no plans yet: import one with `npm run chaser -- import <file>`');
    else
      for (const p of all)
        ctx.out(
          `${p.key}\t${p.title}\t${p.recommendations} recommendations, ${p.actions} actions${p.archived ? `\tarchived ${p.archived}` : ''}`,
        );
    return 0;
  },
};
