/**
 * A clock that stands still until the test moves it: SLA deadlines and claim times are compared with it, never with
 * the wall clock. (shiftedClock is the one that keeps running.)
 */
export function manualClock(start: Date): { now(): Date; advanceMinutes(minutes: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advanceMinutes: (minutes: number) => void (now += minutes * 60_000) };
}
