/**
 * 100,000 random strings through the parser: none may throw or produce an invalid query. The 5 ms per
 * question target is measured by `npm run bench` (bench/parser.ts); here only a pathological case
 * (ten times the target, e.g. catastrophic backtracking) fails the suite, so machine load cannot.
 */
import { compileLexicon, parseQuestion, querySchema } from '../../../core/query';
import { LEXICON, NOW } from './lexicon.fixture';
import { prng, randomText } from './random-questions';

const RUNS = 100_000;
const PATHOLOGICAL_MS = 50;

function timeMs(text: string, lexicon: ReturnType<typeof compileLexicon>): number {
  const start = process.hrtime.bigint();
  parseQuestion(text, lexicon, NOW);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('parseQuestion under random input', () => {
  it(`parses ${RUNS} random strings without throwing or a pathological case`, () => {
    const lexicon = compileLexicon(LEXICON);
    const next = prng(20241120);
    let slowest = { ms: 0, text: '' };
    for (let i = 0; i < RUNS; i++) {
      const text = randomText(next);
      const start = process.hrtime.bigint();
      const query = parseQuestion(text, lexicon, NOW);
      let ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i % 10 === 0) querySchema.parse(query);
      // A garbage collection or scheduler pause is not the parser's cost: re-time before judging.
      if (ms > PATHOLOGICAL_MS / 10) ms = Math.min(ms, timeMs(text, lexicon), timeMs(text, lexicon));
      if (ms > slowest.ms) slowest = { ms, text };
    }
    expect(slowest.ms).toBeLessThan(PATHOLOGICAL_MS);
  });
});
