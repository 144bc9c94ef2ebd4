/**
 * The worker inside the running bot: with CHASER_JOBS=0 tests drive it by hand through
 * `chaser.jobs.worker.drain()`; with CHASER_JOBS=1 its loop sends on its own and stops on close.
 * Counters appear at GET /metrics.
 */
import { enqueue } from '../../core/outbox/enqueue';
import { installed } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';

async function queueFor(bot: TestBot, key: string) {
  await bot.post(installed({ serviceUrl: bot.connector.url }));
  bot.connector.clear();
  const conv = await bot.chaser.core.db.prisma.conversationRef.findFirstOrThrow();
  return enqueue(bot.chaser.core.db.prisma, {
    idempotencyKey: key,
    conversationRefId: conv.id,
    purpose: 'reminder',
    activity: { type: 'message', text: `proactive ${key}` },
  });
}

it('sends queued messages when a test drains by hand, and counts them at /metrics', async () => {
  const bot = await startTestBot();
  try {
    const msg = await queueFor(bot, 'hand');
    expect(bot.connector.sends()).toHaveLength(0);
    expect(await bot.chaser.jobs.worker.drain()).toMatchObject({ sent: 1 });
    expect(bot.connector.sends().map((s) => s.activity.text)).toEqual(['proactive hand']);
    expect(await bot.chaser.core.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({
      status: 'sent',
      sentAt: bot.clock.now(),
    });

    const res = await fetch(`${bot.chaser.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('chaser_outbox_sent_total 1\n');
    expect(text).toContain('chaser_outbox_messages{status="sent"} 1\n');
    expect(text).toContain('# TYPE chaser_outbox_retried_total counter');
  } finally {
    await bot.stop();
  }
});

it('runs the worker loop by itself with CHASER_JOBS=1 and stops it on close', async () => {
  const bot = await startTestBot({ env: { CHASER_JOBS: '1' } });
  try {
    await queueFor(bot, 'loop');
    await bot.connector.waitFor((r) => r.some((s) => s.activity?.text === 'proactive loop'), 10_000);
  } finally {
    await bot.stop();
  }
});
