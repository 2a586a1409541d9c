import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_DATA_ACTIONS } from './personal-data-access.js';

/** Every `action: '…'` recorded with a member id somewhere in bots/ must be explained to the member. */
function auditedMemberActions(dir: string, found = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) auditedMemberActions(path, found);
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) {
      const source = readFileSync(path, 'utf8');
      for (const match of source.matchAll(/audit\.record\(\{([^}]*(?:\{[^}]*\}[^}]*)*)\}/g)) {
        const body = match[1] ?? '';
        const action = /action: '([a-z_]+)'/.exec(body)?.[1];
        if (action && /\bmemberIds?\b/.test(body)) found.add(action);
      }
    }
  }
  return found;
}

describe('personal-data actions', () => {
  it('name a purpose, a route and a Vietnamese label for every audited action that touches a member', () => {
    const actions = [...auditedMemberActions('bots')];
    expect(actions).toEqual(expect.arrayContaining(['member_export', 'dead_letter_list', 'member_self_erase']));
    for (const action of actions) expect({ action, known: action in PERSONAL_DATA_ACTIONS }).toEqual({ action, known: true });
    for (const kind of Object.values(PERSONAL_DATA_ACTIONS)) {
      expect(kind.route).toMatch(/^(GET|POST|DELETE|PUT|PATCH) \/api\/|^chat \//);
      expect(kind.labelVi).toMatch(/[àáảãạăâđêôơư]/);
    }
  });
});
