import { createHash } from 'node:crypto';
import type { LawArticle, LawDocument } from '../../core/knowledge/law.js';

/**
 * A stable fingerprint of everything a member could see or a ranking could use, so that a re-import can say
 * which articles actually changed. Field order is fixed here; adding a field changes every hash once.
 */
export function articleContentHash(article: LawArticle): string {
  const canonical = JSON.stringify([
    article.lawId,
    article.lawName,
    article.lawType,
    article.articleNo,
    article.title,
    article.text,
    article.chapter,
    article.section,
    article.effectiveDate,
    article.status,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function documentContentHash(document: LawDocument): string {
  const canonical = JSON.stringify([
    document.lawId,
    document.name,
    document.type,
    document.issuer,
    document.effectiveDate,
    document.expiredDate,
    document.status,
    document.versionNote,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
