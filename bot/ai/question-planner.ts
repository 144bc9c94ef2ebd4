/**
 * The optional AI layer: a question the parser could not read goes to the teams-ai ActionPlanner,
 * whose only tools are the query kinds (actions.ts). The model's part ends at choosing one query with
 * parameters that pass the parser's zod schemas; the handler then runs and answers it exactly like a
 * parsed question. Text from the model is never shown, since it could describe data nobody fetched:
 * no valid action means the deterministic "I didn't get that" card.
 */
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import { ActionPlanner, AI, PromptManager, type PromptCompletionModel, type TurnState } from '@microsoft/teams-ai';
import type { Lexicon, Query } from '../../core/query';
import { loadLexicon } from '../../core/query/lexicon-source';
import { isoWeekday, localDate } from '../../core/time';
import type { BotDeps } from '../deps';
import { QUESTION_ACTIONS, queryFromAction } from './actions';

export interface QuestionPlanner {
  /** The query the model chose for the turn's text, or undefined when it chose none that is valid. */
  plan(context: TurnContext, state: TurnState): Promise<Query | undefined>;
}

const PROMPT = 'questions';
const CHOSEN = Symbol('chaser.ai.query');
/** Keeps the prompt small in a large tenant; the parser still knows every name. */
const NAMES_PER_KIND = 50;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Plan and board keys and post names, so the model fills parameters with values that exist. People stay out of the prompt. */
function describeNames({ plans, boards, posts }: Lexicon): string {
  const some = (xs: string[]) => xs.slice(0, NAMES_PER_KIND).join('; ') || '(none)';
  return [
    `Plans (key: title): ${some(plans.map((p) => `${p.key}: ${p.title}`))}`,
    `Boards (key: name): ${some(boards.map((b) => `${b.key}: ${b.name}`))}`,
    `Posts: ${some(posts)}`,
  ].join('\n');
}

export function createQuestionPlanner(deps: BotDeps, model: PromptCompletionModel): QuestionPlanner {
  const prompts = new PromptManager({ promptsFolder: path.join(__dirname, 'prompts') });
  prompts.addFunction('names', async () => describeNames((await loadLexicon(deps.core)).lexicon));
  prompts.addFunction('today', async () => {
    const today = localDate(deps.core.now(), deps.core.timeZone);
    return `${WEEKDAYS[isoWeekday(today) - 1]} ${today}`;
  });
  const ai = new AI<TurnState>({
    planner: new ActionPlanner({ model, prompts, defaultPrompt: PROMPT }),
    allow_looping: false,
  });
  const refuse =
    (reason: string) => async (_context: TurnContext, _state: TurnState, _data: unknown, action?: string) => {
      deps.log.info({ action, reason }, 'AI answer refused');
      return AI.StopCommandName;
    };
  for (const action of QUESTION_ACTIONS) {
    ai.action(action, async (context, state, parameters: unknown) => {
      const query = queryFromAction(action, parameters);
      if (!query) return refuse('invalid parameters')(context, state, parameters, action);
      context.turnState.set(CHOSEN, query);
      // One question, one card: the first action decides and the model is not asked again.
      return AI.StopCommandName;
    });
  }
  ai.action(AI.SayCommandActionName, refuse('plain text'));
  ai.action(AI.UnknownActionName, refuse('no such action'));
  ai.action(AI.HttpErrorActionName, async (_context, _state, err: unknown) => {
    deps.log.warn({ err }, 'AI model call failed');
    return AI.StopCommandName;
  });
  return {
    plan: async (context, state) => {
      await ai.run(context, state);
      return context.turnState.get(CHOSEN);
    },
  };
}
