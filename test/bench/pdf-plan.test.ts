/** The benchmark's 50-page PDF plan reads as the plan it draws, so its timing is of a whole import. */
import { generatePlanPdf } from '../../bench/pdf-plan';
import { parsePlanFile } from '../../core/import/parse-plan';

it('reads every action and recommendation of the generated 50-page PDF, with no problem', async () => {
  const { pdf, actions, recommendations } = await generatePlanPdf(50);
  const p = await parsePlanFile(pdf, 'generated-plan.pdf');
  expect(p.problems).toEqual([]);
  expect([p.recommendations.length, p.recommendations.flatMap((r) => r.actions).length]).toEqual([
    recommendations,
    actions,
  ]);
  expect(p.recommendations.map((r) => r.ref)).toEqual(Array.from({ length: recommendations }, (_, i) => String(i + 1)));
  expect(actions).toBeGreaterThan(50 * 15);
});
