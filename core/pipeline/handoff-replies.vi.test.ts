import { DEFAULT_OFFICE_HOURS, officeStatus } from '../conversations/office-hours.js';
import { crisisOutsideHours, describeOfficeHours, handoffConfirmation, waitingAcknowledgement } from './handoff-replies.vi.js';

const context = (iso: string, medianWaitMinutes: number | null) => ({
  unitName: 'Công đoàn cơ sở Công ty May Thăng Long',
  hours: DEFAULT_OFFICE_HOURS,
  status: officeStatus(DEFAULT_OFFICE_HOURS, new Date(iso)),
  medianWaitMinutes,
});

describe('hand-off replies', () => {
  it('describes the week in Vietnamese, grouping days with the same hours', () => {
    expect(describeOfficeHours(DEFAULT_OFFICE_HOURS)).toBe('thứ Hai–thứ Sáu 07:30–11:30, 13:00–17:00');
    expect(describeOfficeHours({ timezone: 'Asia/Ho_Chi_Minh', days: { mon: [['08:00', '17:00']], sat: [['08:00', '12:00']] } })).toBe('thứ Hai 08:00–17:00; thứ Bảy 08:00–12:00');
  });

  it('in office hours: until when, and the honest expected wait (or that there are no figures yet)', () => {
    const open = handoffConfirmation(context('2026-12-07T02:00:00Z', 14.6));
    expect(open).toContain('Mình đã chuyển cuộc trò chuyện tới cán bộ công đoàn (Công đoàn cơ sở Công ty May Thăng Long).');
    expect(open).toContain('đang trong giờ làm việc của cán bộ (đến 11:30)');
    expect(open).toContain('Thời gian chờ thường là khoảng 15 phút');
    expect(handoffConfirmation(context('2026-12-07T02:00:00Z', 95))).toContain('khoảng 1 giờ 35 phút');
    expect(handoffConfirmation(context('2026-12-07T02:00:00Z', null))).toContain('chưa có số liệu về thời gian chờ');
  });

  it('outside office hours: when officers are back, and to leave a message', () => {
    const closed = handoffConfirmation(context('2026-12-11T13:00:00Z', 10));
    expect(closed).toContain('ngoài giờ làm việc');
    expect(closed).toContain('từ 07:30 thứ Hai, ngày 14/12');
    expect(closed).toContain('để lại lời nhắn');
    expect(closed).not.toContain('Thời gian chờ');
    expect(waitingAcknowledgement('waiting_officer', context('2026-12-11T13:00:00Z', 10))).toContain('từ 07:30 thứ Hai, ngày 14/12');
    expect(crisisOutsideHours(context('2026-12-11T13:00:00Z', 10))).toContain('115');
    expect(crisisOutsideHours(context('2026-12-07T02:00:00Z', 10))).toBeNull();
  });

  it('stays generic when storage could not tell', () => {
    expect(handoffConfirmation(null)).toContain('sẽ trả lời bạn ngay tại đây');
  });
});
