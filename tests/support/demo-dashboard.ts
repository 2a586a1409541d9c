import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../../bots/auth/password.js';
import { generateDemo, type DemoOptions } from '../../bots/demo/demo-generator.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { testBackends } from './backends.js';
import { createScriptedClassifier } from './scripted-classifier.js';
import { createEchoKnowledge } from './stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

/**
 * The dashboard's browser suites start alike: the built admin UI, an embedded platform filled with a generated
 * organisation and its history ending today (Vietnam day), the mood rollups rebuilt from it, and a leader of the
 * national level to sign in as.
 */
export async function startDemoDashboard(demoOptions: Omit<DemoOptions, 'endDay'>, leader: { email: string; password: string }) {
  expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
  const t: TestPlatform = await startTestPlatform(testBackends()[0]!, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge() });
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const demo = await generateDemo(t.database.db, { ...demoOptions, endDay: today });
  await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
  const national = await t.platform.repositories.units.findByCode('TLD');
  await t.platform.repositories.users.create({ email: leader.email, passwordHash: await hashPassword(leader.password), role: 'leader', unitId: national!.id, displayName: 'Lãnh đạo Tổng Liên đoàn' });
  return { t, demo, today };
}
