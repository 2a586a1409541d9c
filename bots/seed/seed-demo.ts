import type { Logger } from '../../core/ports/logger.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import type { SettingsRepository } from '../storage/repositories/settings-repository.js';
import type { UnitRepository } from '../storage/repositories/unit-repository.js';
import type { UserRepository } from '../storage/repositories/user-repository.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-organisation.js';

export interface DemoSeedResult {
  created: boolean;
  /** Only on the run that created the accounts: the passwords are not stored anywhere in clear. */
  credentials: { email: string; role: string; unitCode: string; password: string }[];
}

/**
 * Creates the demo organisation and accounts once, on an empty database (no units, no users). A database
 * that already has an organisation is never touched, so this is safe on every start.
 */
export async function seedDemoOrganisation(deps: { units: UnitRepository; users: UserRepository; settings: SettingsRepository; logger: Logger }): Promise<DemoSeedResult> {
  if ((await deps.units.count()) > 0 || (await deps.users.count()) > 0) return { created: false, credentials: [] };
  await deps.units.upsertUnits(DEMO_UNITS);
  const credentials: DemoSeedResult['credentials'] = [];
  for (const account of DEMO_ACCOUNTS) {
    const unit = await deps.units.findByCode(account.unitCode);
    if (!unit) continue;
    const password = generatePassword();
    await deps.users.create({ email: account.email, passwordHash: await hashPassword(password), role: account.role, unitId: unit.id, displayName: account.displayName });
    credentials.push({ email: account.email, role: account.role, unitCode: account.unitCode, password });
  }
  await deps.settings.set('demo_seeded_at', new Date().toISOString());
  deps.logger.info({ units: DEMO_UNITS.length, accounts: credentials.length }, 'demo organisation created');
  return { created: true, credentials };
}

/** The banner printed once on first start (stderr), so a new user can log in to /admin/. */
export function formatDemoCredentials(result: DemoSeedResult, baseUrl: string): string {
  const lines = [
    '',
    '=== Tài khoản demo (chỉ in một lần — hãy lưu lại) / demo accounts (printed once) ===',
    ...result.credentials.map((c) => `  ${c.role.padEnd(8)} ${c.email.padEnd(28)} mật khẩu: ${c.password}   (đơn vị ${c.unitCode})`),
    `  Quản trị: ${baseUrl}/admin/    Trò chuyện: ${baseUrl}/chat?unit=DTTL`,
    '  Mã CĐCS demo: DTTL, MSH (Hà Nội), GTT, LKLT (TP.HCM)',
    '',
  ];
  return lines.join('\n');
}
