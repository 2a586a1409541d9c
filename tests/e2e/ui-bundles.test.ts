import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UI_DIST } from '../../bots/http/static-ui.js';

/** The JavaScript a page loads: its entry script and every chunk it preloads, as Vite wrote them. */
function scriptsOf(page: 'chat.html' | 'admin.html'): { files: string[]; code: string } {
  const html = readFileSync(join(UI_DIST, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/static\/([^"]+\.js)"/g)].map((match) => match[1]!);
  return { files, code: files.map((file) => readFileSync(join(UI_DIST, 'static', file), 'utf8')).join('\n') };
}

// Strings that survive minification: zod's internal `_zod` property, React Query's and React Router's own
// error messages. If one shows up in the chat page, a shared import dragged the admin app's libraries in.
const ADMIN_ONLY_MARKERS = { zod: '_zod', reactQuery: 'No QueryClient set', reactRouter: 'useNavigate() may be used only in the context of a <Router>' };

/** Every chunk Vite wrote, by file name. */
function chunks(): { file: string; bytes: number; code: string }[] {
  const dir = join(UI_DIST, 'static');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, bytes: statSync(join(dir, file)).size, code: readFileSync(join(dir, file), 'utf8') }));
}

// Budgets (D-dashboard-3). The admin app's first load — its entry and the chunks it preloads: React, the router, React
// Query, zod — was 481 kB when the charts were split out; ECharts alone is ~620 kB. Any chunk: Vite's own warning limit.
const ADMIN_FIRST_LOAD_BUDGET = 500_000;
const CHUNK_BUDGET = 500_000;
// Survives minification in ECharts and zrender (their internal property prefix).
const ECHARTS_MARKER = '__ec_inner_';

describe('built UI bundles (admin-ui/dist)', () => {
  it('keeps the admin app’s first load under its budget, without ECharts', () => {
    const admin = scriptsOf('admin.html');
    const bytes = admin.files.reduce((sum, file) => sum + statSync(join(UI_DIST, 'static', file)).size, 0);
    expect(bytes).toBeLessThan(ADMIN_FIRST_LOAD_BUDGET);
    expect(admin.code.includes(ECHARTS_MARKER)).toBe(false);
  });

  it('loads ECharts only when a chart is drawn: not with the dashboard page, in chunks under the limit', () => {
    const all = chunks();
    const oversized = all.filter((chunk) => chunk.bytes > CHUNK_BUDGET).map((chunk) => `${chunk.file} ${chunk.bytes}`);
    expect(oversized).toEqual([]);
    const pages = all.filter((chunk) => /^(DashboardPage|ReportsPage|UnitsPage)-/.test(chunk.file));
    expect(pages.length).toBe(3);
    expect(pages.filter((chunk) => chunk.code.includes(ECHARTS_MARKER)).map((chunk) => chunk.file)).toEqual([]);
    // The marker is real: the chunks that draw carry it.
    expect(all.some((chunk) => chunk.code.includes(ECHARTS_MARKER))).toBe(true);
  });


  it('keeps the member chat page free of the admin app’s libraries', () => {
    const chat = scriptsOf('chat.html');
    expect(chat.files.length).toBeGreaterThan(0);
    const found = Object.entries(ADMIN_ONLY_MARKERS).filter(([, marker]) => chat.code.includes(marker)).map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('checks the markers against the admin app, where those libraries are', () => {
    // Without this, a marker that minification changed would make the test above pass for nothing.
    const admin = scriptsOf('admin.html');
    const found = Object.entries(ADMIN_ONLY_MARKERS).filter(([, marker]) => admin.code.includes(marker)).map(([name]) => name);
    expect(found).toEqual(Object.keys(ADMIN_ONLY_MARKERS));
  });
});
