// The shape of `channel_member_merges.mood_moves` (D-privacy-9): beside the schema, so that the table's column type
// does not import a repository (a cycle through database.ts).

/** One member-day row moved at a merge, as it was under the merged member's pseudonym. */
export interface MovedMoodRow {
  day: string;
  unit_id: string | null;
  topic: string;
  sentiment: string;
  channel: string;
  messages: number;
  weight: number;
}

/** What a merge moved in the mood rows, kept on the merge record so that undoing the link can give it back. */
export interface MoodMoves {
  from: string;
  into: string;
  rows: MovedMoodRow[];
}
