import type { Role } from '../../core/contracts/admin-api.js';
import { hashPassword } from '../../bots/auth/password.js';
import type { UnitInput } from '../../bots/storage/repositories/unit-repository.js';
import type { TestPlatform } from './test-platform.js';

export const TEST_PASSWORD = 'mat-khau-123';

/** A small hierarchy for scope tests: national → HN, HCM; HN → HN-KCN → A1. */
export const TEST_UNITS: UnitInput[] = [
  { parentCode: null, code: 'TLD', name: 'TLĐ', level: 'national' },
  { parentCode: 'TLD', code: 'HN', name: 'HN', level: 'province_or_sector' },
  { parentCode: 'TLD', code: 'HCM', name: 'HCM', level: 'province_or_sector' },
  { parentCode: 'HN', code: 'HN-KCN', name: 'KCN', level: 'upper_grassroots' },
  { parentCode: 'HN-KCN', code: 'A1', name: 'CĐCS A', level: 'grassroots' },
];

/** Creates the units and one account per `[email, unit code, role]`, logs each in, returns their bearer tokens. */
export async function createAccounts(t: TestPlatform, accounts: readonly (readonly [string, string, Role])[], units: UnitInput[] = TEST_UNITS): Promise<Record<string, string>> {
  const { units: unitRepository, users } = t.platform.repositories;
  await unitRepository.upsertUnits(units);
  const tokens: Record<string, string> = {};
  for (const [email, unitCode, role] of accounts) {
    const unit = await unitRepository.findByCode(unitCode);
    if (!unit) throw new Error(`no unit ${unitCode} in the fixture`);
    await users.create({ email, passwordHash: await hashPassword(TEST_PASSWORD), role, unitId: unit.id, displayName: email });
    tokens[email] = await logIn(t, email);
  }
  return tokens;
}

/** Logs a test account in (password `TEST_PASSWORD`) and returns its bearer token. */
export async function logIn(t: TestPlatform, email: string): Promise<string> {
  const login = await fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD, bearer: true }) });
  return ((await login.json()) as { token: string }).token;
}

/** Every account of `tokens` logged in again, in place: after the test clock moves past the sessions' lifetime. */
export async function logInAgain(t: TestPlatform, tokens: Record<string, string>): Promise<void> {
  for (const email of Object.keys(tokens)) tokens[email] = await logIn(t, email);
}
