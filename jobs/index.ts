/**
 * Every scheduled job, in one list: add yours here (jobs/<name>.ts exporting a JobDefinition).
 * bot/main.ts hands the list to the scheduler. The outbox worker is not in it: it polls continuously
 * (jobs/outbox-worker.ts) and sends what the jobs enqueue.
 */
import type { JobDefinition } from './job';
import { digestsJob } from './digests';
import { outboxRetentionJob } from './outbox-retention';
import { plannerStatsJob } from './planner-stats';
import { remindersJob } from './reminders';

export const JOBS: JobDefinition[] = [remindersJob, digestsJob, outboxRetentionJob, plannerStatsJob];
