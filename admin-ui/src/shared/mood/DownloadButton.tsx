import { ErrorState } from '../components/ErrorState';
import { useFileDownload } from './use-file-download';

/**
 * A report download (Báo cáo page, dashboard) that never hangs the browser (D-mood-19): while the server computes a
 * period nobody computed ahead the button says so, spins and cannot be pressed again; a failure is the usual error
 * with "Thử lại".
 */
export function DownloadButton({ url, fileName, label, className = 'btn', ariaLabel }: { url: string; fileName: string; label: string; className?: string; ariaLabel?: string }) {
  const download = useFileDownload();
  const preparing = download.state.status === 'preparing';
  return (
    <>
      <button
        type="button"
        className={`${className} mood-download-button`}
        disabled={preparing}
        aria-busy={preparing || undefined}
        aria-label={preparing ? undefined : ariaLabel}
        onClick={() => download.start(url, fileName)}
      >
        {preparing && <span className="ui-spinner" aria-hidden="true" />}
        {preparing ? 'Đang chuẩn bị tệp…' : label}
      </button>
      {/* A sibling of the button: in a row of actions it takes a line of its own under them (mood.css). */}
      {download.state.status === 'failed' && (
        <div className="mood-download-error">
          <ErrorState error={download.state.error} onRetry={() => download.start(url, fileName)} />
        </div>
      )}
    </>
  );
}
