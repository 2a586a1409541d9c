import { planZaloDelivery, type ZaloPlanInput } from './policy.js';

const NOW = new Date('2026-03-10T08:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const plan = (overrides: Partial<ZaloPlanInput>) =>
  planZaloDelivery({ author: 'bot', lastInboundAt: hoursAgo(1), channelState: {}, parts: 1, now: NOW, transactionTemplate: null, ...overrides });

describe('Zalo delivery plan', () => {
  it('uses free replies within 48 h and counts them per member message', () => {
    expect(plan({})).toEqual({ mode: 'free_reply', quota: { anchorAt: hoursAgo(1).toISOString(), freeRepliesUsed: 1 } });
    const state = { zalo: { anchorAt: hoursAgo(1).toISOString(), freeRepliesUsed: 6 } };
    expect(plan({ channelState: state, parts: 2 })).toMatchObject({ mode: 'free_reply', quota: { freeRepliesUsed: 8 } });
    expect(plan({ channelState: state, parts: 3 })).toMatchObject({ mode: 'hold', code: 'QUOTA_EXHAUSTED' });
  });

  it('resets the budget when the member writes again', () => {
    const spent = { zalo: { anchorAt: hoursAgo(30).toISOString(), freeRepliesUsed: 8 } };
    expect(plan({ channelState: spent })).toMatchObject({ mode: 'free_reply', quota: { freeRepliesUsed: 1 } });
  });

  it('holds bot messages after 48 h, lets an officer use consultation quota until 7 days', () => {
    expect(plan({ lastInboundAt: hoursAgo(49) })).toMatchObject({ mode: 'hold', code: 'QUOTA_EXHAUSTED' });
    expect(plan({ lastInboundAt: hoursAgo(49), author: 'officer' })).toEqual({ mode: 'consultation' });
    expect(plan({ lastInboundAt: hoursAgo(7 * 24 + 1), author: 'officer' })).toMatchObject({ mode: 'hold', code: 'WINDOW_CLOSED' });
  });

  it('uses the transaction template for officers after 7 days when configured, never for the bot, never after a year', () => {
    expect(plan({ lastInboundAt: hoursAgo(10 * 24), author: 'officer', transactionTemplate: 'transaction_event' })).toEqual({ mode: 'transaction', templateType: 'transaction_event' });
    expect(plan({ lastInboundAt: hoursAgo(10 * 24), author: 'bot', transactionTemplate: 'transaction_event' })).toMatchObject({ mode: 'hold', code: 'WINDOW_CLOSED' });
    expect(plan({ lastInboundAt: hoursAgo(400 * 24), author: 'officer', transactionTemplate: 'transaction_event' })).toMatchObject({ mode: 'hold' });
  });

  it('holds everything for someone who never wrote', () => {
    expect(plan({ lastInboundAt: null, author: 'officer' })).toMatchObject({ mode: 'hold', code: 'WINDOW_CLOSED' });
  });

  it('counts a reply that cannot quote the member message (sticker without msg_id) as proactive, not free', () => {
    const first = plan({ quotable: false });
    expect(first).toEqual({
      mode: 'proactive',
      quota: { anchorAt: hoursAgo(1).toISOString(), freeRepliesUsed: 0, proactiveUsed: 1, proactiveMonth: '2026-03', proactiveMonthUsed: 1 },
    });
    const state = { zalo: { anchorAt: hoursAgo(1).toISOString(), freeRepliesUsed: 0, proactiveUsed: 8, proactiveMonth: '2026-03', proactiveMonthUsed: 40 } };
    // The bot stays within the per-message budget; an officer may go on.
    expect(plan({ quotable: false, channelState: state })).toMatchObject({ mode: 'hold', code: 'QUOTA_EXHAUSTED' });
    expect(plan({ quotable: false, channelState: state, author: 'officer' })).toMatchObject({ mode: 'proactive', quota: { proactiveUsed: 9, proactiveMonthUsed: 41 } });
    // A new month starts the month's count again; a free reply to a new message keeps the month's count only.
    const lastMonth = { zalo: { ...state.zalo, anchorAt: hoursAgo(30).toISOString(), proactiveMonth: '2026-02' } };
    expect(plan({ quotable: false, channelState: lastMonth })).toMatchObject({ mode: 'proactive', quota: { proactiveUsed: 1, proactiveMonthUsed: 1, proactiveMonth: '2026-03' } });
    expect(plan({ channelState: { zalo: { ...state.zalo, anchorAt: hoursAgo(30).toISOString() } } })).toEqual({
      mode: 'free_reply',
      quota: { anchorAt: hoursAgo(1).toISOString(), freeRepliesUsed: 1, proactiveMonth: '2026-03', proactiveMonthUsed: 40 },
    });
  });
});
