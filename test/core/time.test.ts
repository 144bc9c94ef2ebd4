import {
  addDays,
  addWorkingDays,
  dateOnly,
  daysBetween,
  formatDate,
  localDate,
  zonedParts,
  zonedToUtc,
} from '../../core/time';
import { prng } from '../helpers/prng';

describe('time', () => {
  it('finds the local calendar date of an instant in a time zone', () => {
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'Europe/London')).toBe('2026-11-24');
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'Australia/Sydney')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-24T03:30:00Z'), 'America/New_York')).toBe('2026-11-23');
  });

  it('converts a local wall-clock time to UTC across daylight saving changes', () => {
    expect(zonedToUtc('2026-07-01', '09:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedToUtc('2026-11-24', '09:00', 'Europe/London').toISOString()).toBe('2026-11-24T09:00:00.000Z');
    // The Monday after the clocks go back (25 Oct 2026) is on GMT again.
    expect(zonedToUtc('2026-10-26', '08:00', 'Europe/London').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(zonedToUtc('2026-03-30', '08:00', 'Europe/London').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(zonedParts(zonedToUtc('2026-03-08', '09:00', 'America/New_York'), 'America/New_York')).toMatchObject({
      hour: 9,
      minute: 0,
    });
  });

  it('counts working days, skipping weekends', () => {
    // Friday 27 Nov 2026 + 1 working day = Monday 30 Nov.
    expect(addWorkingDays('2026-11-27', 1, [1, 2, 3, 4, 5])).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-30', -1, [1, 2, 3, 4, 5])).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-30', -14, [1, 2, 3, 4, 5])).toBe('2026-11-10');
    expect(addWorkingDays('2026-11-24', 0, [1, 2, 3, 4, 5])).toBe('2026-11-24');
    // A Sunday-to-Thursday week.
    expect(addWorkingDays('2026-11-26', 1, [7, 1, 2, 3, 4])).toBe('2026-11-29');
  });

  it('formats dates the way plans write them', () => {
    expect(formatDate('2015-06-01')).toBe('1 Jun 2015');
  });

  it('reads plain dates as Date does, and keeps malformed ones invalid', () => {
    // Every day of 1899-1901 and 1999-2001 (leap years and century years that are not): the
    // digit-by-digit reading agrees; so do days past the end of a month, which Date rolls over.
    for (const [from, to] of [
      [1899, 1902],
      [1999, 2002],
    ]) {
      for (let ms = Date.UTC(from, 0, 1); ms < Date.UTC(to, 0, 1); ms += 86_400_000) {
        const date = new Date(ms).toISOString().slice(0, 10);
        expect(dateOnly(date).getTime()).toBe(ms);
      }
    }
    for (const rolled of ['1900-02-29', '2015-02-30', '2015-04-31', '2001-02-29'])
      expect(dateOnly(rolled).getTime()).toBe(Date.parse(`${rolled}T00:00:00.000Z`));
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    for (const bad of ['2015-13-01', '2015-00-10', '2015-1-10', '20x5-01-10', 'Spring 2004']) {
      expect(Number.isNaN(dateOnly(bad).getTime())).toBe(true);
      expect(Number.isNaN(daysBetween(bad, '2015-01-01'))).toBe(true);
    }
  });

  it('moves working days as stepping one day at a time would, for any week and distance', () => {
    const stepping = (date: string, n: number, days: readonly number[]) => {
      const d = dateOnly(date);
      for (let left = Math.abs(n); left > 0; ) {
        d.setUTCDate(d.getUTCDate() + Math.sign(n));
        if (days.includes(d.getUTCDay() || 7)) left--;
      }
      return d.toISOString().slice(0, 10);
    };
    const random = prng(3);
    for (let i = 0; i < 5000; i++) {
      const date = addDays('1969-06-01', Math.floor(random() * 30_000));
      // Weeks of one to seven days, sometimes listing a day twice.
      const week = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.6).concat(random() < 0.2 ? [3, 3] : []);
      if (!week.length) week.push(1 + Math.floor(random() * 7));
      const n = Math.floor(random() * 61) - 30;
      expect([date, week, n, addWorkingDays(date, n, week)]).toEqual([date, week, n, stepping(date, n, week)]);
    }
    expect(() => addWorkingDays('2026-11-24', 3, [])).toThrow('a week needs at least one working day');
    expect(() => addWorkingDays('Ongoing', 3, [1, 2, 3, 4, 5])).toThrow(RangeError);
  });
});
