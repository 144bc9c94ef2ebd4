/**
 * Runs before every turn: records the sender (with the time zone Teams reports only on incoming
 * activities) and the conversation, so reminders and digests can reach them later. Only what changed is
 * written (core/people/teams-identity.ts recordActivityIdentity). The recording stays on the turn
 * (recordedSenderId), so no handler reads the sender again.
 *
 * Every handler starts once the recording is done, but the question handler: a question only reads,
 * nothing this writes (its asker is found by the activity's own ids, recorded or not), so the answer's
 * queries run during the recording's round trip instead of after it (a round trip to the database
 * less per question). The question handler settles both before it replies (withRecordedSender), so a
 * failed recording fails the turn as before.
 */
import type { TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import { recordActivityIdentity } from '../../../core/people/teams-identity';
import type { BotDeps } from '../../deps';
import { conversationScope, teamsInfo } from '../../teams-activity';

/** turnState key of the sender's recording: a promise of their Person id. */
const SENDER = Symbol('chaser.sender');

/** The recording of this turn's sender (their Person id), if captureIdentity recorded one. */
export function recordedSenderId(context: TurnContext): Promise<string> | undefined {
  return context.turnState.get(SENDER);
}

/** `work`'s result once the sender's recording has settled too; the recording's failure comes first. */
export async function withRecordedSender<T>(context: TurnContext, work: Promise<T>): Promise<T> {
  const [recorded, done] = await Promise.allSettled([recordedSenderId(context), work]);
  if (recorded.status === 'rejected') throw recorded.reason;
  if (done.status === 'rejected') throw done.reason;
  return done.value;
}

/** `answeredAlongside`: whether the question handler takes this turn (it settles the recording itself). */
export function captureIdentity(deps: BotDeps, answeredAlongside: (context: TurnContext) => Promise<boolean>) {
  return async (context: TurnContext): Promise<boolean> => {
    const a = context.activity;
    if (!a.from?.id || !a.conversation?.id || !a.serviceUrl) return true;
    const isBot = a.from.id === a.recipient?.id || a.from.role === 'bot';
    if (isBot) return true;
    const tenantId = a.conversation.tenantId ?? teamsInfo(a).tenantId;
    const recording = recordActivityIdentity(
      deps.core,
      { aadObjectId: a.from.aadObjectId, teamsUserId: a.from.id, displayName: a.from.name, tenantId, timeZone: clientTimeZone(a.entities) },
      {
        conversationId: a.conversation.id,
        scope: conversationScope(a),
        teamId: teamsInfo(a).teamId,
        channelName: teamsInfo(a).channelName,
        tenantId,
        serviceUrl: a.serviceUrl,
        reference: Turn.getConversationReference(a),
      },
    ).then(({ person }) => person.id);
    // Handled here so a failure that lands while the answer is still running is not an unhandled
    // rejection; whoever awaits the recording still gets it.
    recording.catch(() => undefined);
    context.turnState.set(SENDER, recording);
    if (!(await answeredAlongside(context))) await recording;
    return true;
  };
}

function clientTimeZone(entities: { type: string; [k: string]: unknown }[] | undefined): string | undefined {
  const info = entities?.find((e) => e.type === 'clientInfo');
  const tz = info?.timezone ?? info?.localTimezone;
  return typeof tz === 'string' ? tz : undefined;
}
