/** Conversations and queued messages for the delivery tests, written straight to the database. */
import type { Db } from '../../core/db/client';
import type { OutboxPurpose } from '../../core/outbox/enqueue';

/** A stored conversation reference pointing at the connector stand-in, as capture-identity saves it. */
export function referenceFor(conversationId: string, serviceUrl: string) {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: '28:chaser-bot', name: 'Chaser' },
    user: { id: `user-${conversationId}` },
  };
}

/** `count` personal conversations ("conv-0" …); returns their ConversationRef ids in order. */
export async function seedConversations(
  db: Db,
  count: number,
  serviceUrl: string,
  personIds: (string | undefined)[] = [],
): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `cref-${i}`,
    conversationId: `conv-${i}`,
    scope: 'personal',
    personId: personIds[i] ?? null,
    serviceUrl,
    reference: JSON.stringify(referenceFor(`conv-${i}`, serviceUrl)),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db.prisma.conversationRef.createMany({ data: rows.slice(i, i + 500) });
  return rows.map((r) => r.id);
}

/** Queues one message per entry of `to` (ConversationRef ids), keyed "m-<index>", due at `notBefore`. */
export async function queueMessages(
  db: Db,
  to: string[],
  notBefore = new Date(0),
  purpose: OutboxPurpose = 'reminder',
): Promise<void> {
  const rows = to.map((conversationId, i) => ({
    id: `m-${i}`,
    idempotencyKey: `test:m-${i}`,
    conversationId,
    purpose,
    activity: JSON.stringify({ type: 'message', text: `message ${i}` }),
    notBefore,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.prisma.outboxMessage.createMany({ data: rows.slice(i, i + 500) });
}
