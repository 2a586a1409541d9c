import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { ROLES } from '../../../core/contracts/admin-api.js';
import { UnitCodeSchema } from '../../../core/org/hierarchy.js';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { createAuditRepository } from '../../storage/repositories/audit-repository.js';
import { createUnitRepository } from '../../storage/repositories/unit-repository.js';
import { createUserRepository } from '../../storage/repositories/user-repository.js';
import { withBase, type CliIo } from '../cli-context.js';

const CreateUserSchema = z.object({
  email: z.email('a valid email address is required'),
  role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
  unit: UnitCodeSchema,
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10, 'password must be at least 10 characters').max(200).optional(),
  format: z.enum(['text', 'json']),
});

export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('admin accounts (admin, leader, officer)');
  user
    .command('create')
    .description('create an account bound to a home unit; prints a generated password when none is given')
    .requiredOption('--email <email>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--unit <code>', 'home unit code: the account sees this unit and the units below it')
    .option('--name <name>', 'display name')
    .option('--password <password>', 'at least 10 characters (default: generated)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) => {
      const options = parseOrThrow(CreateUserSchema, raw);
      await withBase(io, async ({ database }) => {
        const unit = await createUnitRepository(database.db).findByCode(options.unit);
        if (!unit) throw new AppError('UNIT_NOT_FOUND', `no unit with code ${options.unit}`, { fields: [{ path: 'unit', message: 'unknown unit code' }] });
        const password = options.password ?? generatePassword();
        const id = await createUserRepository(database.db).create({
          email: options.email,
          passwordHash: await hashPassword(password),
          role: options.role,
          unitId: unit.id,
          displayName: options.name ?? options.email,
        });
        await createAuditRepository(database.db).record({ actor: 'cli', action: 'user_create', targetType: 'user', targetId: id, unitId: unit.id, details: { role: options.role } });
        const result = { id, email: options.email.toLowerCase(), role: options.role, unit: unit.code, ...(options.password ? {} : { password }) };
        io.stdout(options.format === 'json' ? JSON.stringify(result) : `created ${result.role} ${result.email} (unit ${result.unit})${options.password ? '' : `, password: ${password}`}`);
      });
    });

  user
    .command('set-password')
    .description('set a new password (generated when none is given)')
    .requiredOption('--email <email>')
    .option('--password <password>', 'at least 10 characters (default: generated)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) => {
      const options = parseOrThrow(CreateUserSchema.pick({ email: true, password: true, format: true }), raw);
      await withBase(io, async ({ database }) => {
        const users = createUserRepository(database.db);
        const found = await users.findByEmail(options.email);
        if (!found) throw new AppError('NOT_FOUND', `no account with email ${options.email}`, { fields: [{ path: 'email', message: 'unknown' }] });
        const password = options.password ?? generatePassword();
        await users.setPassword(found.id, await hashPassword(password));
        await createAuditRepository(database.db).record({ actor: 'cli', action: 'user_set_password', targetType: 'user', targetId: found.id });
        const result = { email: found.email, ...(options.password ? {} : { password }) };
        io.stdout(options.format === 'json' ? JSON.stringify(result) : `password updated for ${found.email}${options.password ? '' : `: ${password}`}`);
      });
    });
}
