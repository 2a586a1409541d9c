import { WEEKDAYS, type OfficeHours, type OfficeStatus, type Weekday } from '../conversations/office-hours.js';

/** What the member is told when a conversation is handed off: who, when, how long, and what to do meanwhile. */
export interface HandoffContext {
  /** The member's grassroots union (null: not known yet, the national queue). */
  unitName: string | null;
  hours: OfficeHours;
  status: OfficeStatus;
  /** Median minutes between hand-off and claim over the unit's recent hand-offs; null = no figures yet. */
  medianWaitMinutes: number | null;
}

const DAY_NAMES: Record<Weekday, string> = { mon: 'thứ Hai', tue: 'thứ Ba', wed: 'thứ Tư', thu: 'thứ Năm', fri: 'thứ Sáu', sat: 'thứ Bảy', sun: 'Chủ nhật' };
const JS_DAY_TO_WEEKDAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function localParts(at: Date, timezone: string): { time: string; day: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hourCycle: 'h23', weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = JS_DAY_TO_WEEKDAY[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'))] ?? 'mon';
  return { time: `${get('hour')}:${get('minute')}`, day: DAY_NAMES[weekday], date: `${get('day')}/${get('month')}` };
}

/** "thứ Hai–thứ Sáu 07:30–11:30, 13:00–17:00": consecutive days with the same hours are grouped. */
export function describeOfficeHours(hours: OfficeHours): string {
  const groups: { from: Weekday; to: Weekday; spans: string }[] = [];
  for (const day of WEEKDAYS) {
    const intervals = hours.days[day] ?? [];
    if (intervals.length === 0) continue;
    const spans = intervals.map(([a, b]) => `${a}–${b}`).join(', ');
    const last = groups.at(-1);
    if (last && last.spans === spans && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, spans });
  }
  if (groups.length === 0) return 'chưa có lịch trực';
  return groups.map((g) => `${DAY_NAMES[g.from]}${g.from === g.to ? '' : `–${DAY_NAMES[g.to]}`} ${g.spans}`).join('; ');
}

function waitText(minutes: number): string {
  if (minutes < 1) return 'dưới 1 phút';
  if (minutes < 60) return `khoảng ${Math.round(minutes)} phút`;
  const hoursPart = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return rest === 0 ? `khoảng ${hoursPart} giờ` : `khoảng ${hoursPart} giờ ${rest} phút`;
}

/** "Bây giờ … (đến 17:00). Thời gian chờ …" or "Ngoài giờ …, cán bộ trả lời từ 07:30 thứ Hai, 07/12 …". */
export function whenOfficersAnswer(context: HandoffContext): string {
  const { status, hours } = context;
  if (status.open) {
    const until = status.closesAt ? ` (đến ${localParts(status.closesAt, hours.timezone).time})` : '';
    const wait =
      context.medianWaitMinutes === null
        ? 'Hiện chưa có số liệu về thời gian chờ ở đơn vị này; cán bộ sẽ trả lời sớm nhất có thể.'
        : `Thời gian chờ thường là ${waitText(context.medianWaitMinutes)} (theo các lần chuyển gần đây).`;
    return `Bây giờ đang trong giờ làm việc của cán bộ${until}. ${wait}`;
  }
  const next = status.nextOpening ? localParts(status.nextOpening, hours.timezone) : null;
  const from = next ? `Cán bộ sẽ đọc và trả lời bạn từ ${next.time} ${next.day}, ngày ${next.date}.` : 'Cán bộ sẽ đọc và trả lời bạn khi vào ca.';
  return `Bây giờ là ngoài giờ làm việc của cán bộ (giờ làm việc: ${describeOfficeHours(hours)}). ${from} Bạn cứ để lại lời nhắn ngay tại đây (sự việc, thời gian, nơi xảy ra), mình lưu đầy đủ để cán bộ xem.`;
}

export function handoffConfirmation(context: HandoffContext | null): string {
  const who = context?.unitName ? `cán bộ ${context.unitName}` : 'cán bộ công đoàn';
  const head = `Mình đã chuyển cuộc trò chuyện tới cán bộ công đoàn${context?.unitName ? ` (${context.unitName})` : ''}.`;
  const when = context ? ` ${whenOfficersAnswer(context)}` : ` ${who[0]?.toUpperCase()}${who.slice(1)} sẽ trả lời bạn ngay tại đây trong thời gian sớm nhất.`;
  return `${head}${when} Trong lúc chờ, bạn cứ nhắn thêm chi tiết (không cần gửi số CCCD hay thông tin cá nhân nếu không cần thiết). Muốn trò chuyện lại với trợ lý, bạn bấm "Quay lại trợ lý".`;
}

/** The short, rate-limited note while the member waits (or an officer holds the conversation). */
export function waitingAcknowledgement(state: 'waiting_officer' | 'officer', context: HandoffContext | null): string {
  if (state === 'officer') return 'Cán bộ công đoàn đã nhận tin nhắn của bạn và sẽ trả lời ngay tại đây.';
  const base = 'Mình đã chuyển tin nhắn này tới cán bộ công đoàn, bạn không cần gửi lại.';
  if (context && !context.status.open && context.status.nextOpening) {
    const next = localParts(context.status.nextOpening, context.hours.timezone);
    return `${base} Hiện là ngoài giờ làm việc; cán bộ sẽ trả lời từ ${next.time} ${next.day}, ngày ${next.date}. Muốn trò chuyện lại với trợ lý, bạn bấm "Quay lại trợ lý".`;
  }
  return `${base} Cán bộ sẽ trả lời ngay tại đây. Muốn trò chuyện lại với trợ lý, bạn bấm "Quay lại trợ lý".`;
}

/** Added to the crisis reply outside office hours: an honest "officers are not at their desks now". */
export function crisisOutsideHours(context: HandoffContext | null): string | null {
  if (!context || context.status.open) return null;
  const next = context.status.nextOpening ? localParts(context.status.nextOpening, context.hours.timezone) : null;
  return `Lúc này là ngoài giờ làm việc nên cán bộ có thể chưa trả lời ngay${next ? ` (cán bộ vào ca lúc ${next.time} ${next.day})` : ''}; nếu bạn đang gặp nguy hiểm, hãy gọi 115 ngay.`;
}
