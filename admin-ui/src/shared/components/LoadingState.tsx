/** Grey placeholder lines in the shape of what is loading, so the page does not jump when data arrives. */
export function Skeleton({ rows = 4, variant = 'lines' }: { rows?: number; variant?: 'lines' | 'table' | 'cards' }) {
  return (
    <div className={`ui-skeleton ui-skeleton-${variant}`} aria-hidden="true">
      {Array.from({ length: rows }, (_, index) => (
        <span key={index} className="ui-skeleton-bar" style={{ width: variant === 'lines' ? `${92 - ((index * 17) % 40)}%` : undefined }} />
      ))}
    </div>
  );
}

/** A region that is loading: a skeleton for the eye, a status line for screen readers. */
export function LoadingState({ label = 'Đang tải…', rows, variant }: { label?: string; rows?: number; variant?: 'lines' | 'table' | 'cards' }) {
  return (
    <div className="ui-loading" role="status" aria-busy="true">
      <span className="ui-visually-hidden">{label}</span>
      <Skeleton {...(rows ? { rows } : {})} {...(variant ? { variant } : {})} />
    </div>
  );
}
