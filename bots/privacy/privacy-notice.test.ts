import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '../../core/config/env-schema.js';
import { silentLogger } from '../../core/ports/logger.js';
import { renderNoticeHtml } from '../http/routes/privacy-notice-page.js';
import { loadPrivacyNotice } from './privacy-notice.js';

describe('the deployment privacy notice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'notice-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships a Vietnamese notice with the retention period, versioned by its text, and asks by default', () => {
    const notice = loadPrivacyNotice(parseEnv({ PUBLIC_BASE_URL: 'https://cd.example/', RETENTION_MESSAGE_MONTHS: '12' }));
    expect(notice.text).toContain('Tin nhắn được lưu tối đa 12 tháng');
    expect(notice.version).toMatch(/^[0-9a-f]{12}$/);
    expect(notice.forPipeline).toEqual({ version: notice.version, url: 'https://cd.example/quyen-rieng-tu', retentionMonths: 12 });
    // Another text is another version: what a member consented to stays provable.
    expect(loadPrivacyNotice(parseEnv({ RETENTION_MESSAGE_MONTHS: '6' })).version).not.toBe(notice.version);
  });

  it("reads the deployment's own text from PRIVACY_NOTICE_FILE, with its version when set", () => {
    const file = join(dir, 'notice.txt');
    writeFileSync(file, '# Thông báo của LĐLĐ tỉnh\n\nĐoạn một <script>.\n\n# Liên hệ\n\nĐiện thoại 024 0000 0000');
    const notice = loadPrivacyNotice(parseEnv({ PRIVACY_NOTICE_FILE: file, PRIVACY_NOTICE_VERSION: 'lđlđ-2026-01' }));
    expect(notice.text).toContain('Thông báo của LĐLĐ tỉnh');
    expect(notice.forPipeline).toEqual({ version: 'lđlđ-2026-01', url: null, retentionMonths: 24 });
    const html = renderNoticeHtml(notice.text, notice.version);
    expect(html).toContain('<h1>Thông báo của LĐLĐ tỉnh</h1>');
    expect(html).toContain('<h2>Liên hệ</h2>');
    expect(html).toContain('Đoạn một &lt;script&gt;.');
  });

  it('refuses to start with a notice file it cannot read or that is empty; PRIVACY_CONSENT=off does not ask', () => {
    expect(() => loadPrivacyNotice(parseEnv({ PRIVACY_NOTICE_FILE: join(dir, 'missing.txt') }))).toThrow(/PRIVACY_NOTICE_FILE cannot be read/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, ' \n');
    expect(() => loadPrivacyNotice(parseEnv({ PRIVACY_NOTICE_FILE: empty }))).toThrow(/PRIVACY_NOTICE_FILE is empty/);
    expect(loadPrivacyNotice(parseEnv({ PRIVACY_CONSENT: 'off' })).forPipeline).toBeNull();
    expect(() => parseEnv({ PRIVACY_CONSENT: 'maybe' })).toThrow();
  });

  it('warns at start when it asks for consent but PUBLIC_BASE_URL is unset (the notice would carry no link)', () => {
    const warnings: { obj: object; msg?: string }[] = [];
    const logger = { ...silentLogger, warn: (obj: object, msg?: string) => void warnings.push({ obj, ...(msg ? { msg } : {}) }) };
    loadPrivacyNotice(parseEnv({ PRIVACY_CONSENT: 'ask' }), logger);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.obj).toEqual({ code: 'PRIVACY_NOTICE_NO_LINK' });
    expect(warnings[0]?.msg).toContain('PUBLIC_BASE_URL');
    // With the address, or when not asking, nothing to warn about.
    loadPrivacyNotice(parseEnv({ PRIVACY_CONSENT: 'ask', PUBLIC_BASE_URL: 'https://cd.example' }), logger);
    loadPrivacyNotice(parseEnv({ PRIVACY_CONSENT: 'off' }), logger);
    expect(warnings).toHaveLength(1);
  });
});
