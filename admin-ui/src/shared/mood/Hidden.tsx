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
