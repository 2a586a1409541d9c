import { DEFAULT_SLA_MINUTES, DEFAULT_URGENT_SLA_MINUTES, slaDueAt, slaMinutesFor } from './sla.js';

describe('SLA minutes and deadline', () => {
  const none = { slaMinutes: null, urgentSlaMinutes: null };

  it('uses the defaults when no unit up the chain sets one', () => {
    expect(slaMinutesFor([none, none], false)).toBe(DEFAULT_SLA_MINUTES);
    expect(slaMinutesFor([none], true)).toBe(DEFAULT_URGENT_SLA_MINUTES);
    expect(slaMinutesFor([], true)).toBe(10);
  });

  it('takes the nearest unit that sets the figure, urgent and normal separately', () => {
    const chain = [{ slaMinutes: null, urgentSlaMinutes: 5 }, { slaMinutes: 45, urgentSlaMinutes: 15 }];
    expect(slaMinutesFor(chain, true)).toBe(5);
    expect(slaMinutesFor(chain, false)).toBe(45);
    expect(slaMinutesFor([{ slaMinutes: 0, urgentSlaMinutes: null }], false)).toBe(30);
  });

  it('counts wall-clock minutes unless a working-time calendar is given', () => {
    const from = new Date('2026-12-03T10:00:00Z');
    expect(slaDueAt(from, 30).toISOString()).toBe('2026-12-03T10:30:00.000Z');
    const nextMorning = (_from: Date, minutes: number) => new Date(Date.parse('2026-12-04T01:00:00Z') + minutes * 60_000);
    expect(slaDueAt(from, 10, nextMorning).toISOString()).toBe('2026-12-04T01:10:00.000Z');
  });
});
