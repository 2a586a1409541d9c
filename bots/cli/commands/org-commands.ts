import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../../core/errors/zod-issues.js';
import { UNIT_LEVELS, UnitCodeSchema } from '../../../core/org/hierarchy.js';
import { officeStatus, OfficeHoursSchema, resolveOfficeHours, type OfficeHours } from '../../../core/conversations/office-hours.js';
import { describeOfficeHours } from '../../../core/pipeline/handoff-replies.vi.js';
import { createHandoffFactsRepository } from '../../storage/repositories/handoff-facts-repository.js';
import { units } from '../../storage/schema/index.js';
import { createAuditRepository } from '../../storage/repositories/audit-repository.js';
import { createUnitRepository, type UnitInput } from '../../storage/repositories/unit-repository.js';
import { withBase, type CliIo } from '../cli-context.js';
import { parseCsv } from '../csv.js';

const EXPECTED_HEADER = ['parent_code', 'code', 'name', 'level'];

const UnitRowSchema = z.object({
  parent_code: z.union([z.literal(''), UnitCodeSchema]).transform((v) => (v === '' ? null : v)),
  code: UnitCodeSchema,
  name: z.string().trim().min(2, 'name is required').max(200),
  level: z.enum(UNIT_LEVELS, { message: `level must be one of ${UNIT_LEVELS.join(', ')}` }),
});

/** Reads and validates the whole file before writing anything: one bad line rejects the import. */
export function readUnitsCsv(text: string): UnitInput[] {
  const rows = parseCsv(text);
  const header = rows[0]?.cells.map((cell) => cell.trim().toLowerCase());
  if (!header || EXPECTED_HEADER.some((name, i) => header[i] !== name)) {
    throw new AppError('VALIDATION_FAILED', `the first line must be the header ${EXPECTED_HEADER.join(',')}`, { fields: [{ path: 'line 1', message: 'bad header' }] });
  }
  const fields: FieldIssue[] = [];
  const units: UnitInput[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length !== EXPECTED_HEADER.length) {
      fields.push({ path: `line ${row.line}`, message: `expected ${EXPECTED_HEADER.length} columns, got ${row.cells.length}` });
      continue;
    }
    const parsed = UnitRowSchema.safeParse(Object.fromEntries(EXPECTED_HEADER.map((name, i) => [name, row.cells[i] ?? ''])));
    if (!parsed.success) {
      fields.push(...fieldIssuesFromZod(parsed.error, `line ${row.line}`));
      continue;
    }
    units.push({ parentCode: parsed.data.parent_code, code: parsed.data.code, name: parsed.data.name, level: parsed.data.level });
  }
  if (fields.length > 0) {
    throw new AppError('VALIDATION_FAILED', `invalid units file: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
  }
  if (units.length === 0) throw new AppError('VALIDATION_FAILED', 'the file has no units', { fields: [{ path: 'file', message: 'empty' }] });
  return units;
}

export function registerOrgCommands(program: Command, io: CliIo): void {
  const org = program.command('org').description('the union hierarchy');
  org
    .command('import')
    .argument('<file>', 'CSV with header parent_code,code,name,level')
    .description('create or update units by code (all or nothing; re-running changes nothing)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (file: string, options: { format: string }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AppError('NOT_FOUND', `cannot read ${file}: ${(error as Error).message}`);
      }
      const units = readUnitsCsv(text);
      await withBase(io, async ({ database }) => {
        const report = await createUnitRepository(database.db).upsertUnits(units);
        await createAuditRepository(database.db).record({ actor: 'cli', action: 'org_import', targetType: 'units', details: { ...report, file } });
        io.stdout(options.format === 'json' ? JSON.stringify(report) : `units: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`);
      });
    });
  org
    .command('hours')
    .argument('<code>', 'unit code')
    .description("a unit's office hours (used by the hand-off replies): show the effective hours, set them, or clear them to inherit the parent's")
    .option('--set <json>', 'e.g. \'{"days":{"mon":[["07:30","11:30"],["13:00","17:00"]]}}\' (timezone defaults to Asia/Ho_Chi_Minh)')
    .option('--clear', "inherit the parent's hours again")
    .option('--format <format>', 'text or json', 'text')
    .action(async (code: string, options: { set?: string; clear?: boolean; format: string }) => {
      const hours = options.set === undefined ? undefined : parseHoursOption(options.set);
      await withBase(io, async ({ database }) => {
        const unitRepository = createUnitRepository(database.db);
        const unit = await unitRepository.findByCode(code);
        if (!unit) throw new AppError('NOT_FOUND', `no unit with code ${code}`);
        if (hours !== undefined || options.clear) {
          await database.db.update(units).set({ officeHours: options.clear ? null : hours }).where(eq(units.id, unit.id));
          await createAuditRepository(database.db).record({ actor: 'cli', action: 'unit_office_hours', targetType: 'unit', targetId: unit.id, details: { code: unit.code, officeHours: options.clear ? null : hours } });
        }
        const facts = await createHandoffFactsRepository(database.db).facts(unit.id, new Date());
        const own = facts.officeHoursChain[0] ?? null;
        const effective = resolveOfficeHours(facts.officeHoursChain);
        const status = officeStatus(effective, new Date());
        const report = { code: unit.code, own, effective, inherited: own === null, open: status.open, nextOpening: status.nextOpening?.toISOString() ?? null, medianWaitMinutes: facts.medianWaitMinutes };
        io.stdout(
          options.format === 'json'
            ? JSON.stringify(report)
            : `${unit.code}: ${describeOfficeHours(effective)}${report.inherited ? ' (inherited)' : ''} — ${status.open ? 'open now' : 'closed now'}`,
        );
      });
    });
}

function parseHoursOption(value: string): OfficeHours {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new AppError('VALIDATION_FAILED', '--set must be JSON', { fields: [{ path: '--set', message: 'not JSON' }] });
  }
  const parsed = OfficeHoursSchema.safeParse(json);
  if (!parsed.success) {
    const fields = fieldIssuesFromZod(parsed.error, '--set');
    throw new AppError('VALIDATION_FAILED', `invalid office hours: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
  }
  return parsed.data;
}
