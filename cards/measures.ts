/** The committee's measures as a card's facts: the summary answer and the digest show them alike. */
import { measureWords, type Measures } from '../core/query/measures';
import type { CardElement } from './card';

export function measuresFacts(m: Measures): CardElement {
  return { type: 'FactSet', spacing: 'Medium', facts: measureWords(m).map(([title, value]) => ({ title, value })) };
}
