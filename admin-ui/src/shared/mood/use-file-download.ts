import { useCallback, useEffect, useRef, useState } from 'react';
import { askForFile, saveFile } from '../api/file-download';
import { pollDelayMs } from './poll-delay';

export type FileDownloadState = { status: 'idle' } | { status: 'preparing' } | { status: 'failed'; error: unknown };

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * A download that may have to wait for the server (D-mood-19): asks with `Prefer: respond-async`, asks again with the
 * summary's backoff while the report is computed, then saves the file under the server's name. Leaving the page stops
 * the asking; a second click while preparing does nothing.
 */
export function useFileDownload(): { state: FileDownloadState; start: (url: string, fallbackName: string) => void } {
  const [state, setState] = useState<FileDownloadState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const start = useCallback((url: string, fallbackName: string) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'preparing' });
    void (async () => {
      try {
        for (let asked = 1; ; asked++) {
          const answer = await askForFile(url, { fallbackName, signal: controller.signal });
          if (answer.status === 'ready') {
            saveFile(answer.blob, answer.fileName);
            setState({ status: 'idle' });
            return;
          }
          await wait(pollDelayMs(answer.retryAfterMs, asked), controller.signal);
        }
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      } finally {
        if (running.current === controller) running.current = null;
      }
    })();
  }, []);
  return { state, start };
}
