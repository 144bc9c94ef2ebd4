/** Dates in personal commands, read relative to the clock (Monday 1 June 2015). */
import { parseDay } from '../../../core/people/preferences';

const TODAY = '2015-06-01';

it.each([
  ['2 Dec', '2015-12-02'],
  ['2nd December 2016', '2016-12-02'],
  ['Dec 2', '2015-12-02'],
  ['1 May', '2016-05-01'],
  ['1 June', '2015-06-01'],
  ['2015-12-02', '2015-12-02'],
  ['2/12/2015', '2015-12-02'],
  ['tomorrow', '2015-06-02'],
  ['Friday', '2015-06-05'],
  ['monday', '2015-06-08'],
  ['3 days', '2015-06-04'],
  ['2 weeks', '2015-06-15'],
])('reads %p as %p', (text, expected) => {
  expect(parseDay(text, TODAY)).toBe(expected);
});

it.each(['31 Feb', '2015-13-01', 'soon', '', 'Decembruary 3'])('returns null for %p', (text) => {
  expect(parseDay(text, TODAY)).toBeNull();
});
