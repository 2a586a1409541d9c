import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../../core/errors/zod-issues.js';
import { UNIT_LEVELS, UnitCodeSchema } from '../../../core/org/hierarchy.js';
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
}
