/** Refreshes the database's planner statistics (core/db/planner-stats.ts): at start, then nightly. */
import { refreshPlannerStats } from '../core/db/planner-stats';
import type { JobDefinition } from './job';

export const plannerStatsJob: JobDefinition = {
  name: 'planner-stats',
  // Nightly, off the hour most jobs elsewhere pick: a plan's tables change by imports and a day's
  // updates, and imports refresh the statistics themselves.
  schedule: '23 3 * * *',
  run: ({ core }) => refreshPlannerStats(core.db),
};
