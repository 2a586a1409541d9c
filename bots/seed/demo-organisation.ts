import type { Role } from '../../core/contracts/admin-api.js';
import type { UnitInput } from '../storage/repositories/unit-repository.js';

/**
 * The demo organisation created on first start: one national unit, two provinces, an upper-grassroots
 * union under each, and grassroots unions of fictional enterprises (any resemblance is accidental).
 */
export const DEMO_UNITS: UnitInput[] = [
  { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', level: 'national' },
  { parentCode: 'TLD', code: 'HN', name: 'Liên đoàn Lao động thành phố Hà Nội', level: 'province_or_sector' },
  { parentCode: 'TLD', code: 'HCM', name: 'Liên đoàn Lao động Thành phố Hồ Chí Minh', level: 'province_or_sector' },
  { parentCode: 'HN', code: 'HN-KCN', name: 'Công đoàn các Khu công nghiệp và chế xuất Hà Nội', level: 'upper_grassroots' },
  { parentCode: 'HCM', code: 'HCM-KCX', name: 'Công đoàn các Khu chế xuất và công nghiệp TP. Hồ Chí Minh', level: 'upper_grassroots' },
  { parentCode: 'HN-KCN', code: 'DTTL', name: 'CĐCS Công ty TNHH Điện tử Thăng Long (demo)', level: 'grassroots' },
  { parentCode: 'HN-KCN', code: 'MSH', name: 'CĐCS Công ty Cổ phần May Sông Hồng (demo)', level: 'grassroots' },
  { parentCode: 'HCM-KCX', code: 'GTT', name: 'CĐCS Công ty TNHH Giày da Tân Thuận (demo)', level: 'grassroots' },
  { parentCode: 'HCM-KCX', code: 'LKLT', name: 'CĐCS Công ty TNHH Linh kiện Linh Trung (demo)', level: 'grassroots' },
];

export const DEMO_ACCOUNTS: { email: string; role: Role; unitCode: string; displayName: string }[] = [
  { email: 'admin@congdoan.demo', role: 'admin', unitCode: 'TLD', displayName: 'Quản trị hệ thống' },
  { email: 'lanhdao.hcm@congdoan.demo', role: 'leader', unitCode: 'HCM', displayName: 'Lãnh đạo LĐLĐ TP.HCM' },
  { email: 'canbo.kcn@congdoan.demo', role: 'officer', unitCode: 'HN-KCN', displayName: 'Cán bộ CĐ KCN Hà Nội' },
];
