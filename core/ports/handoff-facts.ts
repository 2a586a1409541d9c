/** What the hand-off replies need from storage about the member's unit. */
export interface HandoffFacts {
  unitName: string | null;
  /** `office_hours` of the unit, then of each ancestor up to the national level (nulls included). */
  officeHoursChain: unknown[];
  /** Median minutes from hand-off to claim over the unit's recent claimed hand-offs; null with none. */
  medianWaitMinutes: number | null;
}

export interface HandoffFactsSource {
  facts(unitId: string | null, now: Date): Promise<HandoffFacts>;
}
