/** A command that needs one more word from the person: the question, and the commands that answer it as buttons. */
import { adaptiveCard, askAction, textBlock, type AdaptiveCard } from './card';
import { safe } from './text';

export function askAgainCard(question: string, answers: string[]): AdaptiveCard {
  return adaptiveCard([textBlock(safe(question, 300)), { type: 'ActionSet', actions: answers.map(askAction) }]);
}
