import type { LawStatus } from '../../core/knowledge/law.js';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * The corpus writes statuses in several spellings (`in_force_as_of_source`, `partially_amended`, Vietnamese
 * labels from vbpl.vn...). Anything unrecognised becomes `unknown` rather than failing the import: status
 * only steers ranking, and an officer can fix it later.
 */
const STATUS_BY_KEY: Readonly<Record<string, LawStatus>> = {
  in_force: 'in_force',
  in_force_as_of_source: 'in_force',
  con_hieu_luc: 'in_force',
  hieu_luc: 'in_force',
  expired: 'expired',
  het_hieu_luc: 'expired',
  het_hieu_luc_toan_bo: 'expired',
  repealed: 'expired',
  partly_amended: 'partly_amended',
  partially_amended: 'partly_amended',
  amended: 'partly_amended',
  het_hieu_luc_mot_phan: 'partly_amended',
};

export function mapLawStatus(raw: string | null | undefined): LawStatus {
  if (raw === null || raw === undefined) return 'unknown';
  const key = foldDiacritics(raw)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return STATUS_BY_KEY[key] ?? 'unknown';
}
