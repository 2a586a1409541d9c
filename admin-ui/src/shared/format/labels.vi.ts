import type { Role } from '../../../../core/contracts/admin-api';

/** How roles are named to officers (the role keys are a public contract, core/contracts/admin-api.ts). */
export const ROLE_NAMES_VI: Record<Role, string> = { admin: 'Quản trị', leader: 'Lãnh đạo', officer: 'Cán bộ' };
