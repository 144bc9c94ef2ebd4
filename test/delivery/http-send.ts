/**
 * A bare HTTP transport for the high-volume tests: POSTs the activity to the stand-in the way the
 * Bot Connector API expects, without botbuilder's per-call client construction and serialisation
 * (milliseconds of CPU per send, which would make 10,000 sends a CPU benchmark of the SDK). The
 * SDK transport itself (bot/outbox-send.ts) is covered by outbox-worker.test.ts.
 */
import { SendFailure } from '../../core/outbox/retry';
import type { SendActivity } from '../../jobs/outbox-worker';

export const httpSend: SendActivity = async (reference, activity) => {
  const ref = reference as { serviceUrl: string; conversation: { id: string } };
  const res = await fetch(`${ref.serviceUrl}/v3/conversations/${encodeURIComponent(ref.conversation.id)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity, conversation: ref.conversation }),
  });
  const body = (await res.json()) as { id?: string };
  if (!res.ok)
    throw new SendFailure(
      `stand-in answered ${res.status}`,
      res.status,
      Number(res.headers.get('retry-after') ?? 0) * 1000,
    );
  return { id: body.id };
};
