import express, { type Router } from 'express';
import { PRIVACY_NOTICE_PATH } from '../../privacy/privacy-notice.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/** The notice's plain text as HTML: a blank line starts a paragraph, `# ` a heading; nothing else is interpreted. */
export function renderNoticeHtml(text: string, version: string): string {
  const blocks = text.split(/\n\s*\n/).map((block) => block.trim()).filter((block) => block !== '');
  const title = blocks[0]?.startsWith('# ') ? blocks[0].slice(2).trim() : 'Thông báo về xử lý dữ liệu cá nhân';
  const body = blocks
    .map((block) => (block.startsWith('# ') ? `<h${block === blocks[0] ? 1 : 2}>${escapeHtml(block.slice(2).trim())}</h${block === blocks[0] ? 1 : 2}>` : `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`))
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b}h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:1.5rem}
.version{margin-top:2rem;color:#555;font-size:.85rem}</style></head>
<body>${body}<p class="version">Phiên bản thông báo: ${escapeHtml(version)}</p></body></html>`;
}

/**
 * GET /quyen-rieng-tu: the deployment's full privacy notice (PRIVACY_NOTICE_FILE or the shipped text), the page the
 * short notice in chat links to. Public, no login: members read it before consenting. Its version is shown, the
 * one stored with each member's answer.
 */
export function createPrivacyNoticePageRouter(notice: { text: string; version: string }): Router {
  const router = express.Router();
  const html = renderNoticeHtml(notice.text, notice.version);
  router.get(PRIVACY_NOTICE_PATH, (_req, res) => {
    res.type('html').set('cache-control', 'public, max-age=300').send(html);
  });
  return router;
}
