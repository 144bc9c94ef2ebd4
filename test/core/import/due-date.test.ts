import { parseDue } from '../../../core/import/due-date';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const report = d(2014, 12, 23);

describe('parseDue: every form the seed plans use', () => {
  test.each([
    ['July 2003', d(2003, 7, 31), 'month'], // NCRS
    ['Dec 03', d(2003, 12, 31), 'month'],
    ['Feb 2004', d(2004, 2, 29), 'month'],
    ['February 04', d(2004, 2, 29), 'month'],
    ['Sept 2015', d(2015, 9, 30), 'month'],
    ['01-Mar-15', d(2015, 3, 1), 'day'], // BTP
    ['17/04/2015', d(2015, 4, 17), 'day'],
    ['Spring 2004', d(2004, 5, 31), 'season'],
    ['Winter 2004', d(2005, 2, 28), 'season'],
    ['Early 2004', d(2004, 4, 30), 'season'],
    ['2004', d(2004, 12, 31), 'year'],
    ['Q4', d(2014, 12, 31), 'quarter'],
    ['Q1', d(2015, 3, 31), 'quarter'], // the next Q1 after the report
    ['Now', report, 'asap'],
    ['Immediately', report, 'asap'],
    ['Within three months', d(2015, 3, 23), 'day'],
    ['By end of March 2004', d(2004, 3, 31), 'month'],
    ['Q2 2024/25', d(2024, 9, 30), 'quarter'], // UK financial year
    ['2024/25 Q4', d(2025, 3, 31), 'quarter'],
    ['Sep-24', d(2024, 9, 30), 'month'],
    ['30 Sept 2024', d(2024, 9, 30), 'day'],
    ['End of June 2025', d(2025, 6, 30), 'month'],
    ['05.11.2024', d(2024, 11, 5), 'day'],
    ['Autumn term 2024', d(2024, 12, 31), 'season'],
    ['Spring term 2025', d(2025, 4, 30), 'season'],
    ['1 month', d(2015, 1, 23), 'day'],
    ['Within 3 months', d(2015, 3, 23), 'day'],
    ['Immediate', report, 'asap'],
    ['Staff will be trained by the end of March 2025.', d(2025, 3, 31), 'month'],
    ['Work will begin later this year. November 2015', d(2015, 11, 30), 'month'],
    ['Sampling started in April. Within 3 months', d(2015, 3, 23), 'day'],
    ['Q3 24/25', d(2024, 12, 31), 'quarter'],
    ['Quarter 4 2024-25', d(2025, 3, 31), 'quarter'],
    ['Q2 FY25/26', d(2025, 9, 30), 'quarter'],
    ['End Q3 2024/25', d(2024, 12, 31), 'quarter'],
    ['FY 2024/25', d(2025, 3, 31), 'year'],
    ['Mid-2025', d(2025, 8, 31), 'season'],
    ['Jan–Mar 2025', d(2025, 3, 31), 'month'], // a span is due by its end
    ['Jul-Sep 2024', d(2024, 9, 30), 'month'],
    ['Oct 2024 - Mar 2025', d(2025, 3, 31), 'month'],
    ['June 2025 (revised)', d(2025, 6, 30), 'month'], // a note in brackets after the date
    ['2024-09-30 00:00:00', d(2024, 9, 30), 'day'], // as lists and databases export a date
    ['30/09/2024 00:00', d(2024, 9, 30), 'day'],
    ['w/e 30/09/2024', d(2024, 9, 30), 'day'],
    ['31/03/2025*', d(2025, 3, 31), 'day'],
    ['Sept 30 2024', d(2024, 9, 30), 'day'], // US order
    ['March 31, 2025', d(2025, 3, 31), 'day'],
    ['Sep 30, 2024', d(2024, 9, 30), 'day'],
    ['Training delivered by March 31, 2025.', d(2025, 3, 31), 'day'],
    ['H1 2025', d(2025, 6, 30), 'season'], // half-years
    ['H2 2025', d(2025, 12, 31), 'season'],
    ['2025 H1', d(2025, 6, 30), 'season'],
    ['H2 2024/25', d(2025, 3, 31), 'season'], // a financial year's second half runs October to March
    ['H1 FY25/26', d(2025, 9, 30), 'season'],
    ['End H1 2024-25', d(2024, 9, 30), 'season'],
    ['H1', d(2015, 6, 30), 'season'], // the next first half after the report
  ])('%s', (text, date, precision) => {
    const { due, warning } = parseDue(text, report);
    expect(due).toEqual({ text, date, precision });
    expect(warning).toBeUndefined();
  });

  test('"March 2025 (revised from Dec 2024)": the due date and the one it replaced', () => {
    const { due, original } = parseDue('March 2025 (revised from Dec 2024)', report);
    expect([due.date, original?.date]).toEqual([d(2025, 3, 31), d(2024, 12, 31)]);
  });

  test('"Ongoing" and an empty cell have no date and are not a problem', () => {
    expect(parseDue('Ongoing', report)).toEqual({ due: { text: 'Ongoing', date: null, precision: 'none' } });
    expect(parseDue('', report).warning).toBeUndefined();
  });

  test('un-understood wording is kept as text with a warning', () => {
    expect(parseDue('Smarch 2004')).toEqual({
      due: { text: 'Smarch 2004', date: null, precision: 'none' },
      warning: "due date 'Smarch 2004' not understood — kept as text, no date",
    });
    expect(parseDue('31/02/2004').due.date).toBeNull();
    // Two years that are not one financial year, and a span from something that is no date.
    expect(parseDue('Q3 2024/26').due.date).toBeNull();
    expect(parseDue('H2 2024/26').due.date).toBeNull();
    // No third half, no 30th of February in either order.
    expect(parseDue('H3 2025').due.date).toBeNull();
    expect(parseDue('Feb 30, 2025').due.date).toBeNull();
    expect(parseDue('TBC - awaiting restructure').due.date).toBeNull();
  });

  test('relative wording without a report date is kept as text, saying why', () => {
    expect(parseDue('Within three months').warning).toBe(
      "due date 'Within three months' needs the plan's report date — kept as text, no date",
    );
    expect(parseDue('Now').due).toEqual({ text: 'Now', date: null, precision: 'asap' });
  });
});
