/** What a hidden figure says: never a number, always why. */
export const HIDDEN_TITLE = 'ẩn để bảo vệ danh tính';

/** A figure hidden by the k rule: "< 5", explained on hover and to screen readers. */
export function Hidden({ k }: { k: number }) {
  return (
    <span className="mood-hidden" title={`Nhóm dưới ${k} đoàn viên: ${HIDDEN_TITLE}`}>
      &lt; {k}
      <span className="ui-visually-hidden"> đoàn viên, {HIDDEN_TITLE}</span>
    </span>
  );
}

/**
 * Under a table with hidden figures: what "< 5" means, in words. The title of each figure shows only on hover, which a
 * phone has not.
 */
export function HiddenLegend({ k }: { k: number }) {
  return (
    <p className="mood-note mood-hidden-legend">
      «&lt; {k}»: dưới {k} đoàn viên phản ánh, số liệu được {HIDDEN_TITLE}.
    </p>
  );
}
