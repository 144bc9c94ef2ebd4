/**
 * What a reminder or escalation card row shows of an action, built from the sweep's narrow rows: a
 * full ActionView (owners' includes, every progress note) per owed item made a sweep many times its
 * SQL. A later page of a card (page.ts) passes full views, which have these fields too.
 */
import type { ActionView, OwnerView } from '../actions/view';
import { effectiveRag } from '../rag';
import type { CoreContext } from '../context';
import type { OpenAction, Posts } from './load';

export type ReminderAction = Pick<
  ActionView,
  'id' | 'displayRef' | 'text' | 'owners' | 'due' | 'dueText' | 'effectiveRag' | 'reason'
>;

/** `today` is the organisation's date, as for views (effective RAG is the same everywhere). */
export function toReminderAction(
  a: OpenAction,
  posts: Posts,
  today: string,
  ctx: Pick<CoreContext, 'ragWindows'>,
): ReminderAction {
  const rag = effectiveRag(
    {
      status: 'open',
      reportedRag: a.reportedRag,
      reportedRagAt: a.reportedRagOn,
      dueDate: a.due,
      completedAt: null,
      lastActivityAt: a.lastActivity,
      hasUpdates: a.hasUpdates,
    },
    today,
    ctx.ragWindows,
  );
  return {
    id: a.id,
    displayRef: `${a.planKey}-${a.ref}`,
    text: a.text,
    owners: a.owners.map((o) => ownerView(o, posts)),
    due: a.due,
    dueText: a.dueText,
    effectiveRag: rag.rag,
    reason: rag.reason,
  };
}

function ownerView(o: OpenAction['owners'][number], posts: Posts): OwnerView {
  const view = posts.get(o.postId)?.view;
  if (!view) return { postId: o.postId, post: '', role: o.roleLabel, holders: [] };
  return o.roleLabel === null ? view : { ...view, role: o.roleLabel };
}
