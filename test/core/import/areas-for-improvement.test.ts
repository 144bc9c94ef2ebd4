import { readFileSync } from 'node:fs';
import path from 'node:path';
import { draftFromInspectionReport, draftFromReportText } from '../../../core/import/areas-for-improvement';

describe('draft recommendations from an inspection report', () => {
  test('HMIC MPS baseline assessment 2006', async () => {
    const plan = await draftFromInspectionReport(
      readFileSync(path.join(__dirname, '../../fixtures/import/hmic-mps-baseline-assessment-2006.md')),
      'ba.md',
    );
    // Counted in the "Areas for Improvement" lists of the 22 graded areas that have one (1D
    // Professional Standards has none), up to the next Strengths / Work in Progress / GOOD PRACTICE
    // or area heading: 172 "- " bullets, 4 "•" bullets, 3 paragraphs whose bullet glyph was lost
    // (" At borough level…") and 2 unbulleted paragraphs after a finished item = 181.
    expect(plan.recommendations).toHaveLength(181);
    expect(new Set(plan.recommendations.map((r) => r.section)).size).toBe(22);
    expect(plan.recommendations[0]).toMatchObject({
      ref: '1A.1',
      text: expect.stringMatching(/^At borough level there is a need to improve communication/),
      section: 'Fairness and Equality in Service Delivery',
      context: 'Grade: Fair; direction of travel: Improved',
      actions: [],
    });
    expect(plan.recommendations.filter((r) => r.section === 'Neighbourhood Policing and Problem Solving')).toHaveLength(
      15,
    );
    expect(plan.recommendations.find((r) => r.ref === '7A.1')?.context).toBe(
      'Grade: Good; no direction of travel allocated',
    );
    expect(plan.problems).toEqual([]);
  });

  test('wrapped bullets join; page headers inside a list do not end it', () => {
    const md =
      '# 2A Volume Crime Reduction\n\nGrade\tDirection of Travel\nFair\tImproved\n\n# **Areas for Improvement**\n\n- Burglary detections\n  remain low.\n\n#### October 2006\n\n- Vehicle crime needs a plan.\n\n# **Strengths**\n\n- Not an area for improvement.\n';
    expect(draftFromReportText(md, 'r.md').recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['2A.1', 'Burglary detections remain low.'],
      ['2A.2', 'Vehicle crime needs a plan.'],
    ]);
  });

  test('a report published as PDF: headings known by their size, bullets and wrapped lines as in Markdown', async () => {
    const plan = await draftFromInspectionReport(
      readFileSync(path.join(__dirname, '../../fixtures/plans/inspection-report.pdf')),
      'report.pdf',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.recommendations.map(({ ref, text, section, context }) => ({ ref, text, section, context }))).toEqual([
      {
        ref: '1A.1',
        text: 'At borough level there is a need to improve communication with minority communities.',
        section: 'Fairness and Equality in Service Delivery',
        context: 'Grade: Fair; direction of travel: Improved',
      },
      {
        ref: '1A.2',
        text: 'Hate crime reporting needs a single point of contact.',
        section: 'Fairness and Equality in Service Delivery',
        context: 'Grade: Fair; direction of travel: Improved',
      },
      {
        ref: '2A.1',
        text: 'Burglary detections remain low.',
        section: 'Volume Crime Reduction',
        context: 'Grade: Good; direction of travel: Stable',
      },
    ]);
    expect((await draftFromInspectionReport(Buffer.from('not a pdf'), 'report.pdf')).problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^could not read report\.pdf: /) }),
    ]);
  });

  test('a report with no graded areas says so', () => {
    expect(draftFromReportText('# Minutes\n- nothing\n', 'm.md').problems[0]).toMatchObject({ severity: 'error' });
  });
});
