/** Hello on install, and the answer to "help": what Chaser can do, with questions to try. */
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './card';

export const EXAMPLE_QUESTIONS = ["what's red?", "what's overdue for Head of Contact Management?", 'status of BTP-CDI-7'];

export function welcomeCard(opts: { scope: 'personal' | 'groupChat' | 'channel' }): AdaptiveCard {
  const where = opts.scope === 'channel' ? 'Mention me (@Chaser) with a question' : 'Ask me in plain words';
  return adaptiveCard([
    heading('Chaser keeps improvement plans moving'),
    textBlock(
      'I ask action owners for updates before things fall due, chase what is overdue, answer questions about plans and post weekly digests to board channels.',
    ),
    textBlock(`${where}, for example:`, { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'FactSet', facts: EXAMPLE_QUESTIONS.map((q) => ({ title: '•', value: q })) },
    textBlock('Type **help** at any time to see this again.', { isSubtle: true, size: 'Small' }),
  ]);
}
