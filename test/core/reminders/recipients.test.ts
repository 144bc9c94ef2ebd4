import { reminderSlots, routeReminder, type ReminderPerson } from '../../../core/reminders/recipients';

const person = (over: Partial<ReminderPerson> = {}): ReminderPerson => ({
  id: 'p1',
  displayName: 'Ann',
  timeZone: 'Europe/London',
  workingDays: '1,2,3,4,5',
  awayUntil: null,
  delegateId: null,
  remindersPaused: false,
  teamsUserId: null,
  aadObjectId: null,
  tenantId: null,
  ...over,
});
const NOW = new Date('2026-11-24T12:00:00Z');

describe('who gets a reminder', () => {
  const dan = person({ id: 'd1', displayName: 'Dan' });
  const people = new Map([[dan.id, dan]]);

  it('is the owner when they are in', () => {
    const ann = person();
    expect(routeReminder(ann, people, NOW)).toEqual({ to: ann, onBehalfOf: null });
  });

  it("is the away owner's delegate, or nobody until they are back", () => {
    const away = person({ awayUntil: new Date('2026-11-30T00:00:00Z'), delegateId: 'd1' });
    expect(routeReminder(away, people, NOW)).toEqual({ to: dan, onBehalfOf: away });
    expect(routeReminder({ ...away, delegateId: null }, people, NOW)).toEqual({ wait: 'away' });
    expect(routeReminder({ ...away, awayUntil: new Date('2026-11-24T11:00:00Z') }, people, NOW)).toEqual({
      to: { ...away, awayUntil: new Date('2026-11-24T11:00:00Z') },
      onBehalfOf: null,
    });
  });

  it('is nobody when the owner paused reminders, or the delegate is away too', () => {
    expect(routeReminder(person({ remindersPaused: true }), people, NOW)).toEqual({ wait: 'paused' });
    const awayDan = new Map([[dan.id, { ...dan, awayUntil: new Date('2026-12-01T00:00:00Z') }]]);
    expect(
      routeReminder(person({ awayUntil: new Date('2026-11-30T00:00:00Z'), delegateId: 'd1' }), awayDan, NOW),
    ).toEqual({ wait: 'away' });
  });
});

/** One person's slot, as a sweep works it out for everyone. */
const reminderSlot = (p: ReminderPerson, now: Date, reminderTime: string, defaultTimeZone: string) =>
  reminderSlots([p], now, reminderTime, defaultTimeZone).get(p.id)!;

describe('when a card goes out', () => {
  it("opens at the reminder time in the person's time zone, on their working days", () => {
    const ann = person();
    expect(reminderSlot(ann, new Date('2026-11-24T08:59:00Z'), '09:00', 'UTC').open).toBe(false);
    expect(reminderSlot(ann, new Date('2026-11-24T09:00:00Z'), '09:00', 'UTC')).toEqual({
      timeZone: 'Europe/London',
      localDate: '2026-11-24',
      localTime: '09:00',
      sendAt: new Date('2026-11-24T09:00:00Z'),
      open: true,
    });
    // 14:00 UTC is 09:00 in New York.
    const ben = person({ timeZone: 'America/New_York' });
    expect(reminderSlot(ben, new Date('2026-11-24T13:59:00Z'), '09:00', 'UTC').open).toBe(false);
    expect(reminderSlot(ben, new Date('2026-11-24T14:00:00Z'), '09:00', 'UTC').open).toBe(true);
    // Saturday, and a Sunday-to-Thursday week's Friday.
    expect(reminderSlot(ann, new Date('2026-11-28T10:00:00Z'), '09:00', 'UTC').open).toBe(false);
    expect(
      reminderSlot(person({ workingDays: '7,1,2,3,4' }), new Date('2026-11-27T10:00:00Z'), '09:00', 'UTC').open,
    ).toBe(false);
  });

  it('uses the default time zone when the person has none (or an invalid one)', () => {
    expect(reminderSlot(person({ timeZone: null }), NOW, '09:00', 'Asia/Tokyo').timeZone).toBe('Asia/Tokyo');
    expect(reminderSlot(person({ timeZone: 'Mars/Olympus' }), NOW, '09:00', 'Asia/Tokyo').timeZone).toBe('Asia/Tokyo');
  });
});
