import {
  describeSchedule,
  latestSlot,
  parseCron,
  parseScheduleText,
  slotLabel,
  toCron,
} from '../../../core/digest/schedule';

const cronOf = (text: string) => {
  const s = parseScheduleText(text);
  if ('error' in s) throw new Error(s.error);
  return toCron(s);
};

describe('digest schedule text', () => {
  it.each([
    ['every Monday 08:00', '0 8 * * 1'],
    ['Monday 8:00', '0 8 * * 1'],
    ['every Mon and Thu at 07:30', '30 7 * * 1,4'],
    ['every weekday 07:00', '0 7 * * 1,2,3,4,5'],
    ['every day 18:15', '15 18 * * *'],
    ['Sundays 09:00', '0 9 * * 0'],
    ['every Friday, Monday 16.45', '45 16 * * 1,5'],
  ])('%s → %s', (text, cron) => {
    expect(cronOf(text)).toBe(cron);
    expect(toCron(parseCron(cron))).toBe(cron);
  });

  it.each([['every Monday'], ['every Funday 08:00'], ['every Monday 25:00'], ['every Monday 08:61'], ['08:00']])(
    'refuses "%s" with a reason',
    (text) => {
      expect(parseScheduleText(text)).toEqual({ error: expect.any(String) });
    },
  );

  it('describes what it stores', () => {
    expect(describeSchedule('0 8 * * 1')).toBe('Mon 08:00');
    expect(describeSchedule('30 7 * * 1-5')).toBe('weekdays 07:30');
    expect(describeSchedule('0 18 * * *')).toBe('every day 18:00');
  });

  it('rejects cron shapes it cannot compute', () => {
    expect(() => parseCron('*/5 * * * *')).toThrow(/unsupported/);
    expect(() => parseCron('0 8 1 * *')).toThrow(/unsupported/);
  });
});

describe('latest slot', () => {
  it('is the most recent matching wall-clock time at or before now', () => {
    const slot = latestSlot('0 8 * * 1', 'Europe/London', new Date('2026-11-25T12:00:00Z'))!;
    expect(slot).toEqual({ at: new Date('2026-11-23T08:00:00Z'), periodKey: '2026-11-23T08:00' });
    expect(slotLabel(slot)).toBe('Mon 08:00');
    // Exactly at the slot counts; a minute before is last week's.
    expect(latestSlot('0 8 * * 1', 'Europe/London', new Date('2026-11-23T08:00:00Z'))!.periodKey).toBe(
      '2026-11-23T08:00',
    );
    expect(latestSlot('0 8 * * 1', 'Europe/London', new Date('2026-11-23T07:59:00Z'))!.periodKey).toBe(
      '2026-11-16T08:00',
    );
  });

  it('follows the board time zone across the spring daylight-saving change', () => {
    // London: Mon 23 Mar 2026 08:00 is GMT (08:00Z); after the clocks go forward on 29 Mar, BST (07:00Z).
    expect(latestSlot('0 8 * * 1', 'Europe/London', new Date('2026-03-23T09:00:00Z'))!.at).toEqual(
      new Date('2026-03-23T08:00:00Z'),
    );
    const after = latestSlot('0 8 * * 1', 'Europe/London', new Date('2026-03-30T07:30:00Z'))!;
    expect(after).toEqual({ at: new Date('2026-03-30T07:00:00Z'), periodKey: '2026-03-30T08:00' });
    // 07:30Z on the Monday before the change is still before 08:00 GMT: the previous week's slot.
    expect(latestSlot('0 8 * * 1', 'Europe/London', new Date('2026-03-23T07:30:00Z'))!.periodKey).toBe(
      '2026-03-16T08:00',
    );
  });

  it('follows it across the autumn change in another zone', () => {
    // New York falls back on Sun 1 Nov 2026: Monday 08:00 moves from 12:00Z (EDT) to 13:00Z (EST).
    expect(latestSlot('0 8 * * 1', 'America/New_York', new Date('2026-10-26T12:30:00Z'))!.at).toEqual(
      new Date('2026-10-26T12:00:00Z'),
    );
    expect(latestSlot('0 8 * * 1', 'America/New_York', new Date('2026-11-02T12:30:00Z'))!.periodKey).toBe(
      '2026-10-26T08:00',
    );
    expect(latestSlot('0 8 * * 1', 'America/New_York', new Date('2026-11-02T13:00:00Z'))!.at).toEqual(
      new Date('2026-11-02T13:00:00Z'),
    );
  });

  it('uses the local date, not the UTC one', () => {
    // 23:30Z on Sunday is already Monday 09:30 in Sydney.
    expect(latestSlot('0 8 * * 1', 'Australia/Sydney', new Date('2026-11-22T23:30:00Z'))!.periodKey).toBe(
      '2026-11-23T08:00',
    );
  });
});
