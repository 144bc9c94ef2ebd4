import { parseUpdateLog } from '../../../core/import/update-log';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe('parseUpdateLog', () => {
  test('"Jan 2015 - …" and "5 Mar 2015 - …" entries in one cell; dates inside sentences stay text (BTP 2)', () => {
    const cell =
      'Jan 2015 - Monthly meetings have been scheduled. The first meeting will take place on 16 February 2015. 5 Mar 2015 - Due to the retirement of both the Force Crime Registrar and the Deputy these meetings have not taken place.';
    expect(parseUpdateLog([cell], null)).toEqual([
      {
        at: d(2015, 1, 1),
        text: 'Monthly meetings have been scheduled. The first meeting will take place on 16 February 2015.',
      },
      {
        at: d(2015, 3, 5),
        text: 'Due to the retirement of both the Force Crime Registrar and the Deputy these meetings have not taken place.',
      },
    ]);
  });

  test('"18 Apr 2015 -", "10 Aug 15 -", "04 Nov 15:", "5/11/2015:", "24/8/15:", undated text first (BTP 7, 9)', () => {
    const initial =
      'This action was escalated following the draft report. Jan 2015 - The Detective Superintendent has written. 18 Apr 2015 - the SOP is still under review.';
    const latest =
      '24/8/15: Approval has been obtained. 10 Aug 15 - The FCR is carrying out a review. 04 Nov 15: The FCR is re-writing the SOP. 5/11/2015: Work continues.';
    expect(parseUpdateLog([initial, latest], null).map((u) => [u.at, u.text.slice(0, 12)])).toEqual([
      [null, 'This action '],
      [d(2015, 1, 1), 'The Detectiv'],
      [d(2015, 4, 18), 'the SOP is s'],
      [d(2015, 8, 24), 'Approval has'],
      [d(2015, 8, 10), 'The FCR is c'],
      [d(2015, 11, 4), 'The FCR is r'],
      [d(2015, 11, 5), 'Work continu'],
    ]);
  });

  test('a day without a year takes the year before it; a closing date stamps the entry (BTP national 6, HMICS 1)', () => {
    expect(parseUpdateLog(['17 Mar 2015 - this is continuous work. 26 April - No Change.'], null)[1]).toEqual({
      at: d(2015, 4, 26),
      text: 'No Change.',
    });
    expect(parseUpdateLog(['HMIC(S) report is published on HMIC(S) Website. 12/08/2015'], null)).toEqual([
      { at: d(2015, 8, 12), text: 'HMIC(S) report is published on HMIC(S) Website.' },
    ]);
  });

  test('the Date of Update column dates an undated latest update; a newest-first log is turned round', () => {
    expect(parseUpdateLog(['The closure of CRC Cardiff will eliminate the need for logs.'], d(2015, 8, 18))).toEqual([
      { at: d(2015, 8, 18), text: 'The closure of CRC Cardiff will eliminate the need for logs.' },
    ]);
    expect(parseUpdateLog(['Mar 2015 - second. Jan 2015 - first.'], null).map((u) => u.text)).toEqual([
      'first.',
      'second.',
    ]);
  });

  test('list items pasted as HTML are entries too (BTP national 9)', () => {
    expect(
      parseUpdateLog(['5 Mar 2015 - Update from the working group.\n17 Mar 2015 - The College has confirmed.'], null),
    ).toHaveLength(2);
  });
});
