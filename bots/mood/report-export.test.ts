import ExcelJS from 'exceljs';
import type { MoodSummary } from '../../core/contracts/mood-api.js';
import { summaryToXlsx } from './report-export.js';

type Child = MoodSummary['children'][number];
const child = (unit: string, figures: Partial<Child>): Child => ({ unit, name: `CĐCS ${unit}`, level: 'grassroots', drillable: false, members: 10, mood_index: -20, negative_share: 0.5, suppressed: false, ...figures });

function summaryWith(children: Child[]): MoodSummary {
  return {
    unit: 'HN', from: '2026-10-01', to: '2026-10-31', k: 5, members: 40, mood_index: -10, cells: [], alerts: [], unit_name: 'LĐLĐ Hà Nội', level: 'province_or_sector', parent: 'TLD', ancestors: [],
    channel: null, topic: null, suppressed: false, mood_index_band: null, sentiment: { negative: 20, neutral: 10, positive: 10 }, children, topics: [], heatmap: [], trend: { bucket: 'week', points: [] }, excluded: null,
  };
}

async function unitsSheet(summary: MoodSummary): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await summaryToXlsx(summary)) as never);
  const rows: unknown[][] = [];
  book.getWorksheet('Đơn vị')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the XLSX units sheet', () => {
  it("carries each unit's previous period and change, a hidden previous figure as '< k (ẩn)', never as a number", async () => {
    const rows = await unitsSheet(
      summaryWith([
        child('A1', { members: 12, previous_members: 8, change: 0.5, previous_negative_share: 0.25, negative_share_change: 0.25 }),
        child('A2', { members: 9, previous_members: null, change: null, previous_negative_share: null, negative_share_change: null }),
        child('A3', {}),
      ]),
    );
    expect(rows[0]).toEqual(['Mã', 'Đơn vị', 'Đoàn viên phản ánh', 'Chỉ số tâm trạng', 'Tỷ lệ tiêu cực', 'Kỳ trước (đoàn viên)', 'Thay đổi', 'Tỷ lệ tiêu cực kỳ trước']);
    expect(rows[1]).toEqual(['A1', 'CĐCS A1', 12, -20, 0.5, 8, 0.5, 0.25]);
    expect(rows[2]?.slice(5, 6)).toEqual(['< 5 (ẩn)']);
    // A report stored before the previous-period figures existed: left blank, not claimed hidden.
    expect(rows[3]?.slice(5)).toEqual(['', '', '']);
  });
});
