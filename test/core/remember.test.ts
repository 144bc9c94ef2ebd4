/** rememberByDay: the same answers as the function it remembers, each day worked out once while remembered. */
import { rememberByDay } from '../../core/remember';
import { addDays, formatDate } from '../../core/time';

it('answers as the function does, working each day out once, and still after forgetting', () => {
  const asked: string[] = [];
  const remembered = rememberByDay((day) => {
    asked.push(day);
    return `day ${day}`;
  });
  expect([remembered('2015-06-01'), remembered('2015-06-01'), remembered('2015-06-02')]).toEqual(['day 2015-06-01', 'day 2015-06-01', 'day 2015-06-02']);
  expect(asked).toEqual(['2015-06-01', '2015-06-02']);
  // More distinct days than it keeps: it forgets them all at once and answers the same.
  for (let i = 0; i < 10_001; i++) remembered(addDays('2000-01-01', i));
  asked.length = 0;
  expect(remembered('2015-06-01')).toBe('day 2015-06-01');
  expect(asked).toEqual(['2015-06-01']);
});

it('leaves formatDate answering as before for days as text and as instants, valid or not', () => {
  expect([formatDate('2015-06-01'), formatDate('2015-06-01'), formatDate(new Date('2015-06-01T23:30:00Z')), formatDate('2016-02-29')]).toEqual(['1 Jun 2015', '1 Jun 2015', '1 Jun 2015', '29 Feb 2016']);
  expect(formatDate('not a day')).toBe(formatDate(new Date(NaN)));
});
