/**
 * Any other message is a question about the plans: parse → run → card → send. The parser knows the
 * database's names through a cached lexicon; anything it cannot read gets three questions that would
 * work, never silence. In channels teams-ai has already stripped the bot's own @mention. With the AI
 * layer on, a question the parser cannot read may get another query from the model (bot/ai), answered
 * the same way.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import { boardTabOf } from '../../../core/board-tab';
import { parseQuestion, type Query } from '../../../core/query';
import { loadLexicon } from '../../../core/query/lexicon-source';
import { mentionedPeople } from '../../../core/query/mentions';
import { runQuery } from '../../../core/query/run';
import { LIST_PAGE_SIZE } from '../../../cards/action-list';
import { answerCard } from '../../../cards/answers';
import { cardAttachment, type AdaptiveCard } from '../../../cards/card';
import { createQuestionPlanner } from '../../ai/question-planner';
import type { BotDeps } from '../../deps';
import { conversationScope, mentionsOf } from '../../teams-activity';

/** Runs a parsed question for whoever sent `activity` and builds its card (also used by list paging). */
export async function answerQuery(
  deps: BotDeps,
  activity: Partial<Activity>,
  query: Query,
  page = 0,
): Promise<AdaptiveCard> {
  const asker = { aadObjectId: activity.from?.aadObjectId, teamsUserId: activity.from?.id };
  const result = await runQuery(deps.core, query, { asker, page, pageSize: LIST_PAGE_SIZE });
  const tab = result.kind === 'item' && result.action ? await boardTabOf(deps.core, result.action.planId) : null;
  return answerCard(result, { scope: conversationScope(activity), botName: activity.recipient?.name, tab });
}

export function answerQuestion(deps: BotDeps) {
  const ai = deps.aiModel && createQuestionPlanner(deps, deps.aiModel);
  const answer = async (context: TurnContext, state: TurnState): Promise<AdaptiveCard> => {
    const started = Date.now();
    const mentioned = await mentionedPeople(deps.core, mentionsOf(context.activity));
    const parsed = parseQuestion(context.activity.text ?? '', await loadLexicon(deps.core), deps.core.now(), mentioned);
    const query = (parsed.kind === 'unknown' && (await ai?.plan(context, state))) || parsed;
    const card = await answerQuery(deps, context.activity, query);
    deps.log.debug({ kind: query.kind, ai: query !== parsed, ms: Date.now() - started }, 'question answered');
    return card;
  };
  return async (context: TurnContext, state: TurnState): Promise<void> => {
    await context.sendActivity(MessageFactory.attachment(cardAttachment(await answer(context, state))));
  };
}
