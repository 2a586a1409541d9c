import type { Role } from '../../core/contracts/admin-api.js';
import { hashPassword } from '../../bots/auth/password.js';
import type { UnitInput } from '../../bots/storage/repositories/unit-repository.js';
import type { TestPlatform } from './test-platform.js';

/** The branch of the hierarchy the admin browser suites work in: TLĐ → LĐLĐ Hà Nội → CĐ KCN Hà Nội → CĐCS DTTL. */
export const HANOI_BRANCH: UnitInput[] = [
  { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
  { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
  { parentCode: 'HN', code: 'HN-KCN', name: 'CĐ KCN Hà Nội', level: 'upper_grassroots' },
  { parentCode: 'HN-KCN', code: 'DTTL', name: 'CĐCS Điện tử Thăng Long', level: 'grassroots' },
];

export interface StaffAccount {
  email: string;
  unitCode: string;
  role: Role;
  displayName: string;
}

/**
 * One account per entry, in the existing unit of its code, all with `password`: the browser suites sign in through
 * the login form with it (admin-fixtures' createAccounts is for API suites that want bearer tokens).
 */
export async function createStaffAccounts(t: TestPlatform, password: string, accounts: readonly StaffAccount[]): Promise<void> {
  const { units, users } = t.platform.repositories;
  for (const account of accounts) {
    const unit = await units.findByCode(account.unitCode);
    if (!unit) throw new Error(`no unit ${account.unitCode} in the fixture`);
    await users.create({ email: account.email, passwordHash: await hashPassword(password), role: account.role, unitId: unit.id, displayName: account.displayName });
  }
}
