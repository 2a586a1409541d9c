/** Vietnamese display formats, one place for every screen (dates as dd/MM/yyyy, 24-hour clock, "1.234"). */
const dateTime = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

const asDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

export function formatDateTime(value: string | number | Date): string {
  return dateTime.format(asDate(value));
}

export function formatDate(value: string | number | Date): string {
  return dateOnly.format(asDate(value));
}

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** `-34.4` → `-34,4`, `1800` → `1.800`: one decimal at most, Vietnamese separators (charts' axes and labels too). */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** `0.125` → `12,5 %`. */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước", then the date; "sau 10 phút" for the future (SLA). */
export function formatRelative(value: string | number | Date, now: Date = new Date()): string {
  const seconds = Math.round((asDate(value).getTime() - now.getTime()) / 1000);
  const past = seconds <= 0;
  const abs = Math.abs(seconds);
  const say = (amount: number, unit: string) => (past ? `${amount} ${unit} trước` : `sau ${amount} ${unit}`);
  if (abs < 45) return past ? 'vừa xong' : 'sắp tới';
  if (abs < 3600) return say(Math.max(1, Math.round(abs / 60)), 'phút');
  if (abs < 86_400) return say(Math.round(abs / 3600), 'giờ');
  if (abs < 7 * 86_400) return say(Math.round(abs / 86_400), 'ngày');
  return formatDate(value);
}
