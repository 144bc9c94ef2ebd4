/** Parses a card as Teams would (Adaptive Cards 1.5) and returns every parse and validation message. */
import * as AC from 'adaptivecards';

export function cardProblems(card: object): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const problems = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  return [...problems, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}
