import type { MoodQuery } from '../../../../core/contracts/mood-api';
import { buildUrl } from '../../shared/api/api-client';
import { DownloadButton } from '../../shared/mood/DownloadButton';

/**
 * The view on screen as a report file (unit, period, channel, topic), with the same k rule. The period is the one
 * the page asked for, not the snapped one it shows: snapping twice could turn a run of weeks into a month. A view
 * nobody computed ahead is prepared on the server while the button says so (D-mood-19).
 */
export function DashboardExport({ query, unit }: { query: MoodQuery; unit: string }) {
  const { bucket: _trendBucket, ...filters } = query;
  const link = (format: 'xlsx' | 'csv') => buildUrl(`/api/admin/mood/report.${format}`, { ...filters, unit });
  const fileName = (format: 'xlsx' | 'csv') => `bao-cao-${unit}-${query.from ?? ''}-${query.to ?? ''}.${format}`;
  return (
    <div className="mood-export no-print">
      <DownloadButton url={link('xlsx')} fileName={fileName('xlsx')} label="Tải Excel (XLSX)" className="btn-ghost" />
      <DownloadButton url={link('csv')} fileName={fileName('csv')} label="Tải CSV" className="btn-ghost" />
    </div>
  );
}
