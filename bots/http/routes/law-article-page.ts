import express, { type Router } from 'express';
import { z } from 'zod';
import type { LawArticle } from '../../../core/knowledge/law.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';

const PageQuerySchema = z.object({
  'van-ban': z.string().trim().min(1, 'van-ban is required').max(40),
  dieu: z.string().trim().regex(/^[0-9]{1,4}[a-zđ]?$/u, 'dieu must be an article number'),
});

export interface LawArticlePageDeps {
  findArticle(lawId: string, articleNo: string): Promise<LawArticle | null>;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

const STATUS_TEXT: Record<LawArticle['status'], string> = {
  in_force: 'đang có hiệu lực',
  partly_amended: 'có hiệu lực, đã được sửa đổi một phần',
  expired: 'đã hết hiệu lực',
  unknown: 'chưa rõ tình trạng hiệu lực',
};

function dateVi(iso: string | null): string | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : null;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b}h1{font-size:1.25rem}
.meta{color:#555;font-size:.9rem}.note{margin-top:2rem;color:#555;font-size:.85rem}p{margin:.5rem 0}</style></head>
<body>${body}</body></html>`;
}

/**
 * GET /luat?van-ban=45%2F2019%2FQH14&dieu=98: one article of the imported corpus as a plain page, the target of the
 * web chat's citation links (issue #11 item 2). Read-only and public: the law is public text.
 */
export function createLawArticlePageRouter(deps: LawArticlePageDeps): Router {
  const router = express.Router();
  router.get('/luat', async (req, res) => {
    const query = parseOrThrow(PageQuerySchema, req.query, 'query');
    const article = await deps.findArticle(query['van-ban'], query.dieu);
    if (!article) {
      res.status(404).type('html').send(page('Không tìm thấy điều luật', '<h1>Không tìm thấy điều luật này</h1><p>Văn bản hoặc số điều không có trong kho văn bản của trợ lý.</p>'));
      return;
    }
    const heading = `Điều ${article.articleNo}. ${article.title}`;
    const effective = dateVi(article.effectiveDate);
    const meta = [escapeHtml(`${article.lawName} (${article.lawId})`), effective ? `hiệu lực từ ${effective}` : null, STATUS_TEXT[article.status]].filter(Boolean).join(' · ');
    const paragraphs = article.text.split(/\n+/).filter((line) => line.trim() !== '').map((line) => `<p>${escapeHtml(line)}</p>`).join('');
    res
      .type('html')
      .set('cache-control', 'public, max-age=3600')
      .send(page(heading, `<h1>${escapeHtml(heading)}</h1><div class="meta">${meta}</div>${paragraphs}<div class="note">Văn bản trích từ kho văn bản pháp luật của Trợ lý Công đoàn. Thông tin chỉ mang tính tham khảo.</div>`));
  });
  return router;
}
