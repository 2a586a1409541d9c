/**
 * Replaces personal data (phones, national ids, emails, bank accounts, names the member typed) with
 * placeholders such as `[SĐT]`. Implemented by intents/ (it owns entity extraction) and passed to
 * whoever sends text outside the process: the LLM client, the logger.
 */
export interface Redactor {
  redact(text: string): string;
}
