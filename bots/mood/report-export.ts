import ExcelJS from 'exceljs';
import type { HandoffStats, HandoffUnitStats, MoodSummary } from '../../core/contracts/mood-api.js';
import { TOPIC_NAMES_VI } from '../../core/nlu/topic-names.vi.js';
import type { Topic } from '../../core/nlu/labels.js';

const SENTIMENT_VI: Record<string, string> = { negative: 'Tiêu cực', neutral: 'Trung tính', positive: 'Tích cực' };
const topicVi = (topic: string) => TOPIC_NAMES_VI[topic as Topic] ?? topic;

/** A hidden figure in an export: never a number (the same k rule as the dashboard). */
const shown = (value: number | null, suppressed: boolean, k: number): string | number => (suppressed || value === null ? `< ${k} (ẩn)` : value);

/** The month's report as an Excel workbook: headline, units, topics, detailed cells, alerts. */
export async function summaryToXlsx(summary: MoodSummary, stored?: { generatedAt: Date }): Promise<Buffer> {
  const k = summary.k;
  const book = new ExcelJS.Workbook();
  book.creator = 'Trợ lý Công đoàn';
  const head = book.addWorksheet('Tổng hợp');
  head.columns = [{ width: 36 }, { width: 40 }];
  head.addRows([
    ['Báo cáo tâm tư, nguyện vọng đoàn viên'],
    ['Đơn vị', `${summary.unit_name} (${summary.unit})`],
    ['Kỳ báo cáo', `${summary.from} đến ${summary.to}`],
    ['Đoàn viên phản ánh', shown(summary.members, summary.suppressed, k)],
    ['Chỉ số tâm trạng (−100…+100)', summary.mood_index ?? '—'],
    ['Tiêu cực (đoàn viên)', shown(summary.sentiment.negative, summary.sentiment.negative === null, k)],
    ['Trung tính (đoàn viên)', shown(summary.sentiment.neutral, summary.sentiment.neutral === null, k)],
    ['Tích cực (đoàn viên)', shown(summary.sentiment.positive, summary.sentiment.positive === null, k)],
    ['Cảnh báo trong kỳ', summary.alerts.length],
    ...(summary.handoffs
      ? [
          ['Yêu cầu gặp cán bộ', summary.handoffs.requested],
          ['Cán bộ đã nhận', summary.handoffs.handled],
          ['Thời gian chờ cán bộ nhận (trung vị, phút)', summary.handoffs.median_minutes_to_claim ?? '—'],
          ['Quá hạn chưa nhận', summary.handoffs.overdue],
        ]
      : []),
    ['Ghi chú', `Nhóm dưới ${k} đoàn viên được ẩn để bảo vệ danh tính.`],
    ['Lập lúc', stored ? `${stored.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (báo cáo tự động, đã lưu)` : 'theo số liệu hiện tại'],
  ]);
  head.getRow(1).font = { bold: true, size: 14 };
  const units = book.addWorksheet('Đơn vị');
  units.addRow(['Mã', 'Đơn vị', 'Đoàn viên phản ánh', 'Chỉ số tâm trạng', 'Tỷ lệ tiêu cực', 'Kỳ trước (đoàn viên)', 'Thay đổi', 'Tỷ lệ tiêu cực kỳ trước']).font = { bold: true };
  for (const c of summary.children) {
    // Reports stored before the previous-period figures existed have none (undefined): left blank, not "hidden".
    const previous = c.previous_members === undefined ? '' : shown(c.previous_members, c.previous_members === null, k);
    units.addRow([c.unit, c.name, shown(c.members, c.suppressed, k), c.suppressed ? '' : (c.mood_index ?? ''), c.suppressed || c.negative_share === null ? '' : c.negative_share, previous, c.change ?? '', c.previous_negative_share ?? '']);
  }
  units.columns = [{ width: 16 }, { width: 50 }, { width: 20 }, { width: 18 }, { width: 16, style: { numFmt: '0.0%' } }, { width: 20 }, { width: 12, style: { numFmt: '0.0%' } }, { width: 22, style: { numFmt: '0.0%' } }];
  const topics = book.addWorksheet('Chủ đề');
  topics.addRow(['Chủ đề', 'Đoàn viên', 'Kỳ trước', 'Thay đổi', 'Tỷ lệ tiêu cực']).font = { bold: true };
  for (const t of summary.topics) topics.addRow([topicVi(t.topic), shown(t.members, t.suppressed, k), t.previous_members ?? `< ${k} (ẩn)`, t.change ?? '', t.negative_share ?? '']);
  topics.columns = [{ width: 40 }, { width: 14 }, { width: 14 }, { width: 12, style: { numFmt: '0.0%' } }, { width: 16, style: { numFmt: '0.0%' } }];
  const cells = book.addWorksheet('Chi tiết');
  cells.addRow(['Đơn vị', 'Chủ đề', 'Cảm xúc', 'Đoàn viên', 'Tin nhắn']).font = { bold: true };
  for (const c of summary.cells) cells.addRow([c.unit, topicVi(c.topic), SENTIMENT_VI[c.sentiment] ?? c.sentiment, shown(c.members, c.suppressed, k), shown(c.messages, c.suppressed, k)]);
  cells.columns = [{ width: 16 }, { width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }];
  if (summary.handoffs) addHandoffSheet(book, summary.handoffs);
  const alerts = book.addWorksheet('Cảnh báo');
  alerts.addRow(['Đơn vị', 'Chủ đề', 'Tuần', 'Đoàn viên', 'Mức nền', 'Trạng thái']).font = { bold: true };
  for (const a of summary.alerts) alerts.addRow([a.unit_name, topicVi(a.topic), `${a.window_start} – ${a.window_end}`, a.observed, a.baseline, a.status]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const HANDOFF_HEADERS_VI = ['Mã', 'Đơn vị', 'Yêu cầu gặp cán bộ', 'Cán bộ đã nhận', 'Đang chờ', 'Quá hạn chưa nhận', 'Thời gian chờ nhận (trung vị, phút)'];
const handoffRow = (row: HandoffUnitStats) => [row.unit, row.name, row.requested, row.handled, row.waiting, row.overdue, row.median_minutes_to_claim ?? ''];

/** Hand-offs of the period: the subtree's total first, then each unit below (D-mood-11: exact counts, no k rule). */
function addHandoffSheet(book: ExcelJS.Workbook, stats: HandoffStats): void {
  const sheet = book.addWorksheet('Chuyển cán bộ');
  sheet.addRow(HANDOFF_HEADERS_VI).font = { bold: true };
  sheet.addRow(handoffRow({ ...stats, name: `${stats.name} (toàn bộ)` })).font = { bold: true };
  for (const child of stats.children) sheet.addRow(handoffRow(child));
  sheet.columns = [{ width: 16 }, { width: 50 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 16 }, { width: 20 }];
}

/** A CSV cell: quoted, and formula-looking text defused for spreadsheets. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The detailed cells as CSV (UTF-8 with BOM for Excel), hidden ones without numbers. */
export function summaryToCsv(summary: MoodSummary): string {
  const lines = [['unit', 'topic', 'sentiment', 'members', 'messages', 'suppressed'].join(',')];
  for (const c of summary.cells) lines.push([c.unit, c.topic, c.sentiment, c.members ?? '', c.messages ?? '', c.suppressed ? 'true' : 'false'].map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The hand-off figures as CSV: the subtree's total (`scope` = total), then each unit below (`scope` = unit). */
export function handoffsToCsv(stats: HandoffStats): string {
  const lines = [['scope', 'unit', 'name', 'requested', 'handled', 'waiting', 'overdue', 'median_minutes_to_claim'].join(',')];
  const line = (scope: string, row: HandoffUnitStats) => [scope, row.unit, row.name, row.requested, row.handled, row.waiting, row.overdue, row.median_minutes_to_claim ?? ''].map(csvCell).join(',');
  lines.push(line('total', stats));
  for (const child of stats.children) lines.push(line('unit', child));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
