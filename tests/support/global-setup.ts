// Runs once before the Jest suites. Backend selection happens per suite (tests/support/backends.ts).
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
}
