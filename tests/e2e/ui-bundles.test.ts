import { readFileSync } from 'node:fs';
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

describe('built UI bundles (admin-ui/dist)', () => {
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
