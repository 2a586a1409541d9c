/** A mood index with its sign spelled out and coloured (red below zero, green above). */
export function MoodValue({ value }: { value: number | null }) {
  if (value === null) return <span className="mood-muted">—</span>;
  const tone = value < -10 ? 'bad' : value > 10 ? 'good' : 'flat';
  return <span className={`mood-index mood-index-${tone}`}>{value > 0 ? `+${value.toLocaleString('vi-VN')}` : value.toLocaleString('vi-VN')}</span>;
}
