/**
 * The only module that imports node-cron. Ticks each job on its schedule and runs it once at start, so
 * work missed while the bot was down catches up when it comes back. A tick that finds the previous
 * run of the same job still going is skipped rather than overlapped.
 */
import cron from 'node-cron';
import type { JobDefinition, JobDeps } from './job';

export interface Scheduler {
  /** Runs every job now (and waits): used at start and by tests. */
  runAll(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(
  jobs: JobDefinition[],
  deps: JobDeps,
  opts: { tick?: boolean } = { tick: true },
): Scheduler {
  const running = new Map<string, Promise<void>>();
  const runJob = (job: JobDefinition): Promise<void> => {
    const current = running.get(job.name);
    if (current) return current;
    const p = job
      .run(deps)
      .catch((err: Error) => deps.log.error({ err, job: job.name }, 'job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  };
  const tasks =
    opts.tick === false
      ? []
      : jobs.map((job) => cron.schedule(job.schedule, () => void runJob(job), { name: job.name }));
  return {
    runAll: async () => {
      await Promise.all(jobs.map(runJob));
    },
    stop: async () => {
      for (const t of tasks) await t.stop();
      await Promise.all(running.values());
    },
  };
}
