import { addOfficeMinutes, DEFAULT_OFFICE_HOURS, officeStatus, OfficeHoursSchema, resolveOfficeHours } from './office-hours.js';

// 2026-12-07 is a Monday. Vietnam is UTC+7: 08:00 local = 01:00Z.
const at = (iso: string) => new Date(iso);

describe('office hours', () => {
  it('is open on a weekday morning in Vietnam and says until when', () => {
    expect(officeStatus(DEFAULT_OFFICE_HOURS, at('2026-12-07T02:00:00Z'))).toEqual({ open: true, closesAt: at('2026-12-07T04:30:00Z'), nextOpening: null });
  });

  it('is closed at lunch, at night and at the weekend, with the next opening', () => {
    expect(officeStatus(DEFAULT_OFFICE_HOURS, at('2026-12-07T05:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpening: at('2026-12-07T06:00:00Z') });
    // Friday 20:00 local → Monday 07:30 local.
    expect(officeStatus(DEFAULT_OFFICE_HOURS, at('2026-12-11T13:00:00Z')).nextOpening).toEqual(at('2026-12-14T00:30:00Z'));
    // Sunday 23:59 local (16:59Z) → Monday 07:30.
    expect(officeStatus(DEFAULT_OFFICE_HOURS, at('2026-12-13T16:59:00Z')).nextOpening).toEqual(at('2026-12-14T00:30:00Z'));
  });

  it('takes the unit\'s hours, else the nearest ancestor\'s, else the national default; ignores invalid ones', () => {
    const saturday = { timezone: 'Asia/Ho_Chi_Minh', days: { sat: [['08:00', '12:00']] } };
    expect(resolveOfficeHours([null, saturday, null])).toEqual(saturday);
    expect(resolveOfficeHours([{ days: { mon: [['18:00', '08:00']] } }, null])).toEqual(DEFAULT_OFFICE_HOURS);
    expect(resolveOfficeHours([])).toEqual(DEFAULT_OFFICE_HOURS);
    expect(resolveOfficeHours([{ days: { sun: [['00:00', '24:00']] } }]).timezone).toBe('Asia/Ho_Chi_Minh');
  });

  it('refuses a bad time, an inverted interval and an unknown zone', () => {
    expect(OfficeHoursSchema.safeParse({ days: { mon: [['8h', '17:00']] } }).success).toBe(false);
    expect(OfficeHoursSchema.safeParse({ days: { mon: [['17:00', '08:00']] } }).success).toBe(false);
    expect(OfficeHoursSchema.safeParse({ timezone: 'Mars/Olympus', days: {} }).success).toBe(false);
  });

  it('is never open with no hours at all', () => {
    expect(officeStatus({ timezone: 'Asia/Ho_Chi_Minh', days: {} }, at('2026-12-07T02:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpening: null });
  });

  it('counts office minutes only (an SLA clock that stops at night)', () => {
    // Monday 11:20 local + 30 office minutes = 10 before lunch, 20 after 13:00 → 13:20 local.
    expect(addOfficeMinutes(DEFAULT_OFFICE_HOURS, at('2026-12-07T04:20:00Z'), 30)).toEqual(at('2026-12-07T06:20:00Z'));
    // Friday 16:50 local + 30 → Monday 07:50 local.
    expect(addOfficeMinutes(DEFAULT_OFFICE_HOURS, at('2026-12-11T09:50:00Z'), 30)).toEqual(at('2026-12-14T00:50:00Z'));
  });
});
