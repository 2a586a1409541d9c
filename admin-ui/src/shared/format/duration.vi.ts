const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A waiting time: "25 phút", "1 giờ 5 phút", "2 ngày 3 giờ" (the largest two units are enough to read it). */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${oneDecimal.format(minutes)} phút`;
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0) return hours > 0 ? `${days} ngày ${hours} giờ` : `${days} ngày`;
  return rest > 0 ? `${hours} giờ ${rest} phút` : `${hours} giờ`;
}
