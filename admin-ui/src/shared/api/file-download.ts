import { MoodViewPendingSchema } from '../../../../core/contracts/mood-api';
import { ApiError, CLIENT_ERROR_CODES } from './api-error';
import { errorFrom, fetchOrNetworkError } from './api-client';

/** One ask for a file: the file itself, or the server's "still preparing it" with its suggested wait (D-mood-19). */
export type FileAnswer = { status: 'ready'; blob: Blob; fileName: string } | { status: 'computing'; retryAfterMs: number };

/**
 * The file name a `Content-Disposition` header gives (`filename*=UTF-8''…` first, then `filename="…"`), else
 * `fallback`: the server names reports after their unit and period, which the saved file should keep.
 */
export function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: the plain name below, if any, is still good.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.replace(/\\(.)/g, '$1').trim();
  return name || fallback;
}

/**
 * Asks for a file with `Prefer: respond-async`: a report nobody computed ahead answers 202 at once instead of holding
 * the browser for minutes; a failed computation (503) and any other error reject with an ApiError, as `api` does.
 */
export async function askForFile(url: string, options: { fallbackName: string; signal?: AbortSignal }): Promise<FileAnswer> {
  const response = await fetchOrNetworkError(url, { credentials: 'same-origin', headers: { prefer: 'respond-async' } }, options.signal);
  if (response.status === 202) {
    const pending = MoodViewPendingSchema.safeParse(await response.json().catch(() => undefined));
    if (!pending.success || pending.data.status !== 'computing') throw new ApiError(202, CLIENT_ERROR_CODES.badResponse, `GET ${url}: the 202 does not match its contract`);
    return { status: 'computing', retryAfterMs: pending.data.retryAfterMs };
  }
  if (!response.ok) throw errorFrom(response.status, await response.json().catch(() => undefined));
  return { status: 'ready', blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), options.fallbackName) };
}

/** Hands a file to the browser's downloads, as a link with `download` would (the object URL is freed after). */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: freed a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
