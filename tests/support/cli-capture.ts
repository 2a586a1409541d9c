/** The `io` a CLI test hands to `runCli`: output lines collected, quiet logs, no demo seeding; `env` wins. */
export function captureCli(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), env: { LOG_LEVEL: 'warn', DEMO_SEED: 'false', ...env } } };
}
