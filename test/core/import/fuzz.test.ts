/**
 * parsePlan must turn any damaged plan into problems, never an exception: people upload what they
 * have. Mutations of the seed plans (byte flips, dropped rows, swapped cells, truncation) with a
 * seeded PRNG, so a failure names a case that can be replayed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../core/import/parse-plan';
import { prng } from '../../helpers/prng';

const dir = path.join(__dirname, '../../fixtures/import');
const seeds = [
  ['ncrs.txt', readFileSync(path.join(dir, 'audit-commission-ncrs-action-plan-2003.txt'))],
  ['btp.txt', readFileSync(path.join(dir, 'btp-crime-data-integrity-improvement-plan-2015.txt'))],
  ['btp.csv', readFileSync(path.join(__dirname, '../../../prisma/seed/btp-crime-data-integrity.csv'))],
] as const;

const NOISE = [
  '\t',
  '\n',
  '"',
  ',',
  '|',
  '(',
  ')',
  'Ref',
  'Action',
  '1.',
  'Recommendation 3:',
  '(CLOSED)',
  ' - ',
  '/',
  '5/11/2015: ',
];

function mutate(input: Buffer, rand: () => number): Buffer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let text = input.toString('latin1');
  for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
    const lines = text.split('\n');
    const i = Math.floor(rand() * lines.length);
    switch (Math.floor(rand() * 5)) {
      case 0: {
        // byte flips
        const bytes = Buffer.from(text, 'latin1');
        for (let k = 0; k < 1 + rand() * 20; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        text = bytes.toString('latin1');
        break;
      }
      case 1: // drop rows
        lines.splice(i, 1 + Math.floor(rand() * 5));
        text = lines.join('\n');
        break;
      case 2: {
        // swap two cells of a row
        const sep = lines[i].includes('\t') ? '\t' : ',';
        const cells = lines[i].split(sep);
        const [a, b] = [Math.floor(rand() * cells.length), Math.floor(rand() * cells.length)];
        [cells[a], cells[b]] = [cells[b], cells[a]];
        lines[i] = cells.join(sep);
        text = lines.join('\n');
        break;
      }
      case 3: // truncate
        text = text.slice(0, Math.floor(rand() * text.length));
        break;
      default: {
        // splice in structural noise
        const at = Math.floor(rand() * text.length);
        text = text.slice(0, at) + pick(NOISE) + text.slice(at);
      }
    }
  }
  return Buffer.from(text, 'latin1');
}

test('2400 mutated seed plans: parsePlan never throws and reports problems in the agreed shape', () => {
  const rand = prng(20150417);
  for (let c = 0; c < 2400; c++) {
    const [name, original] = seeds[c % seeds.length];
    const input = mutate(original, rand);
    let plan: ReturnType<typeof parsePlan>;
    try {
      plan = parsePlan(input, name);
    } catch (err) {
      throw new Error(`case ${c} (${name}) threw: ${(err as Error).stack}`);
    }
    expect(Array.isArray(plan.recommendations)).toBe(true);
    for (const p of plan.problems) {
      if (!['error', 'warning'].includes(p.severity) || !p.message)
        throw new Error(`case ${c}: bad problem ${JSON.stringify(p)}`);
    }
    const refs = plan.recommendations.flatMap((r) => r.actions.map((a) => a.ref));
    if (new Set(refs).size !== refs.length) throw new Error(`case ${c} (${name}): duplicate action refs`);
  }
});
