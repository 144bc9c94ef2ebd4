/** Board digests: the sweep in core/digest/sweep.ts, with the card as the message. */
import { sweepDigests } from '../core/digest/sweep';
import { digestActivity } from '../cards/digest';
import type { JobDefinition } from './job';

export const digestsJob: JobDefinition = {
  name: 'digests',
  // Every minute: boards choose any HH:MM, and a sweep with nothing due reads one row per linked board.
  schedule: '* * * * *',
  async run(deps) {
    const { queued, failed } = await sweepDigests(deps.core, (data, late) => digestActivity(data, { late }));
    for (const f of failed) deps.log.error({ err: f.error, board: f.board }, 'digest failed');
    if (queued.length) deps.log.info({ digests: queued }, 'digests queued');
  },
};
