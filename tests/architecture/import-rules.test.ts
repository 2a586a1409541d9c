import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../bots/project-root.js';

const run = promisify(execFile);

/**
 * The import rules (.dependency-cruiser.cjs, `npm run depcheck`) are only worth something if they fire.
 * Each case plants one forbidden import into a temporary copy of the source tree and expects the real
 * check to report it under the named rule; the allowed cases must stay quiet (rules that fire on
 * everything would be as useless as rules that never fire).
 */
interface Plant {
  file: string;
  code: string;
  /** The rule expected to fire, or null for an import that is allowed. */
  rule: string | null;
  /** Planted only to complete another case (the second half of a cycle, reported once from the first). */
  companion?: true;
}

const PLANTS: Plant[] = [
  // core/ is the leaf: no frameworks from node_modules, nothing of the project.
  { file: 'core/planted/web-framework.ts', code: "import express from 'express';\nexport const x = express;", rule: 'core-has-no-frameworks' },
  { file: 'core/planted/database.ts', code: "import { sql } from 'drizzle-orm';\nexport const x = sql;", rule: 'core-has-no-frameworks' },
  { file: 'core/planted/queue.ts', code: "import { Queue } from 'bullmq';\nexport const x = Queue;", rule: 'core-has-no-frameworks' },
  { file: 'core/planted/root.ts', code: "import { createPlatform } from '../../bots/platform.js';\nexport const x = createPlatform;", rule: 'core-is-a-leaf' },
  // intents/ and knowledge/ see only core/.
  { file: 'intents/planted/knowledge.ts', code: "import { createLawRetriever } from '../../knowledge/index.js';\nexport const x = createLawRetriever;", rule: 'intents-only-core' },
  { file: 'knowledge/planted/intents.ts', code: "import { normalizeText } from '../../intents/index.js';\nexport const x = normalizeText;", rule: 'knowledge-only-core' },
  { file: 'knowledge/planted/bots.ts', code: "import { createPlatform } from '../../bots/platform.js';\nexport const x = createPlatform;", rule: 'knowledge-only-core' },
  // The public surfaces of knowledge/ and intents/.
  { file: 'bots/planted/deep-knowledge.ts', code: "import { createLawRetriever } from '../../knowledge/retrieval/law-retriever.js';\nexport const x = createLawRetriever;", rule: 'knowledge-only-through-its-index' },
  { file: 'bots/planted/deep-intents.ts', code: "import { normalizeText } from '../../intents/normalize/normalize-text.js';\nexport const x = normalizeText;", rule: 'intents-only-through-its-index' },
  // Channels: islands, and they never import the composition root.
  { file: 'bots/channels/zalo/planted.ts', code: "import { createTelegramAdapter } from '../telegram/adapter.js';\nexport const x = createTelegramAdapter;", rule: 'channels-are-islands' },
  { file: 'bots/channels/zalo/planted-root.ts', code: "import { createPlatform } from '../../platform.js';\nexport const x = createPlatform;", rule: 'channels-do-not-import-the-root' },
  // The admin UI: contracts only, a small chat page, features as islands.
  { file: 'admin-ui/src/features/inbox/PlantedServer.tsx', code: "import { createPlatform } from '../../../../bots/platform';\nexport const x = createPlatform;", rule: 'ui-only-contracts' },
  { file: 'admin-ui/src/features/inbox/PlantedCore.tsx', code: "import { runTurn } from '../../../../core/pipeline/run-turn';\nexport const x = runTurn;", rule: 'ui-only-contracts' },
  { file: 'admin-ui/src/chat/PlantedZod.tsx', code: "import { z } from 'zod';\nexport const x = z;", rule: 'ui-chat-stays-small' },
  { file: 'admin-ui/src/chat/PlantedQuery.tsx', code: "import { QueryClient } from '@tanstack/react-query';\nexport const x = QueryClient;", rule: 'ui-chat-stays-small' },
  { file: 'admin-ui/src/chat/PlantedRouter.tsx', code: "import { Link } from 'react-router';\nexport const x = Link;", rule: 'ui-chat-stays-small' },
  { file: 'admin-ui/src/chat/PlantedShared.tsx', code: "import { api } from '../shared/api/api-client';\nexport const x = api;", rule: 'ui-chat-stays-small' },
  { file: 'admin-ui/src/features/inbox/PlantedOtherFeature.tsx', code: "import { DashboardPage } from '../dashboard/DashboardPage';\nexport const x = DashboardPage;", rule: 'ui-features-are-islands' },
  { file: 'admin-ui/src/shared/PlantedFeature.tsx', code: "import { InboxPage } from '../features/inbox/InboxPage';\nexport const x = InboxPage;", rule: 'ui-shared-knows-no-feature' },
  { file: 'admin-ui/src/admin/PlantedPage.tsx', code: "import { InboxPage } from '../features/inbox/InboxPage';\nexport const x = InboxPage;", rule: 'ui-shell-loads-features-through-the-router' },
  // A cycle anywhere.
  { file: 'core/planted/cycle-a.ts', code: "import { b } from './cycle-b.js';\nexport const a = () => b;", rule: 'no-circular' },
  { file: 'core/planted/cycle-b.ts', code: "import { a } from './cycle-a.js';\nexport const b = () => a;", rule: null, companion: true },

  // Allowed: these must not be reported.
  { file: 'core/planted/zod.ts', code: "import { z } from 'zod';\nexport const x = z;", rule: null },
  { file: 'bots/planted/knowledge-index.ts', code: "import { createLawRetriever } from '../../knowledge/index.js';\nexport const x = createLawRetriever;", rule: null },
  { file: 'bots/channels/zalo/planted-shared.ts', code: "import { safeEqual } from '../shared/secure-compare.js';\nexport const x = safeEqual;", rule: null },
  { file: 'admin-ui/src/features/dashboard/api.ts', code: 'export const dashboardKeys = { all: ["dashboard"] as const };', rule: null },
  { file: 'admin-ui/src/features/inbox/PlantedApi.tsx', code: "import { dashboardKeys } from '../dashboard/api';\nexport const x = dashboardKeys;", rule: null },
  { file: 'admin-ui/src/chat/PlantedTypes.tsx', code: "import type { z } from 'zod';\nexport type X = z.ZodType;", rule: null },
];

// Source only: the rules are about imports, data files are not needed.
const COPIED = ['core', 'intents', 'knowledge', 'bots', 'admin-ui/src'];
const isSource = (path: string) => !/(^|\/)(node_modules|dist|data|model)(\/|$)/.test(path) && (!/\.[a-z]+$/.test(path) || /\.(ts|tsx|css)$/.test(path));

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

describe('import rules (dependency-cruiser) fire on planted imports', () => {
  let copy: string;
  let violations: Violation[];
  let exitCode: number;

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'cd-import-rules-'));
    for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) cpSync(join(PROJECT_ROOT, file), join(copy, file));
    for (const folder of COPIED) cpSync(join(PROJECT_ROOT, folder), join(copy, folder), { recursive: true, filter: (source) => isSource(relative(PROJECT_ROOT, source)) });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    for (const plant of PLANTS) {
      mkdirSync(dirname(join(copy, plant.file)), { recursive: true });
      writeFileSync(join(copy, plant.file), `${plant.code}\n`);
    }
    // The same command as `npm run depcheck` on the planted files (they pull in what they import): once as
    // the check runs (its exit code), once with JSON output to see which rule caught what.
    const cli = join(PROJECT_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const depcruise = (...extra: string[]) =>
      run(process.execPath, [cli, '--config', '.dependency-cruiser.cjs', ...extra, ...PLANTS.map((plant) => plant.file)], { cwd: copy, maxBuffer: 64 * 1024 * 1024 }).then(
        (ok) => ({ stdout: ok.stdout, code: 0 }),
        (failed: { stdout: string; code: number }) => ({ stdout: failed.stdout, code: failed.code }),
      );
    const [check, report] = await Promise.all([depcruise(), depcruise('--output-type', 'json')]);
    exitCode = check.code;
    violations = (JSON.parse(report.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  }, 120_000);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('fails the check', () => {
    expect(exitCode).not.toBe(0);
  });

  it.each(PLANTS.filter((plant) => plant.rule !== null && !plant.companion).map((plant) => [plant.rule, plant.file] as const))('%s catches %s', (rule, file) => {
    expect(violations.filter((violation) => violation.from === file).map((violation) => violation.rule.name)).toContain(rule);
  });

  it.each(PLANTS.filter((plant) => plant.rule === null && !plant.companion).map((plant) => [plant.file] as const))('allows %s', (file) => {
    expect(violations.filter((violation) => violation.from === file)).toEqual([]);
  });
});
