/**
 * Pacing time that passes only when someone waits: the worker's sleeps move it forward at once, and
 * the connector stand-in measures Teams' limits on the same clock, so minutes of paced sending run in
 * seconds and the limits are still checked exactly.
 */
import type { PaceTimer } from '../../jobs/outbox-worker';

export function virtualTimer(): PaceTimer {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms) => {
      const until = t + ms;
      await new Promise((resolve) => setImmediate(resolve));
      t = Math.max(t, until);
    },
  };
}
