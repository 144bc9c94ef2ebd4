/**
 * Clears the payloads of sent outbox messages past OUTBOX_RETENTION_DAYS (core/outbox/prune.ts): at
 * start, then nightly. Two instances running it together is harmless: each clears only rows that still
 * have a payload, so the second finds them done.
 */
import { pruneSentPayloads } from '../core/outbox/prune';
import type { JobDefinition } from './job';

export const outboxRetentionJob: JobDefinition = {
  name: 'outbox-retention',
  // Nightly: a day's sends add at most a day's worth to clear, and at night nobody waits behind the writes.
  schedule: '13 3 * * *',
  async run({ core, config, log }) {
    const cleared = await pruneSentPayloads(core, { retentionDays: config.OUTBOX_RETENTION_DAYS });
    log.info({ cleared, retentionDays: config.OUTBOX_RETENTION_DAYS }, 'outbox payloads past retention cleared');
  },
};
