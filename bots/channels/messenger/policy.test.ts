import { planMessengerDelivery } from './policy.js';

const NOW = new Date('2026-03-10T08:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe('Messenger delivery plan', () => {
  it('answers with RESPONSE inside 24 h, whoever writes', () => {
    expect(planMessengerDelivery('bot', hoursAgo(23), NOW)).toEqual({ messagingType: 'RESPONSE' });
    expect(planMessengerDelivery('officer', hoursAgo(23), NOW)).toEqual({ messagingType: 'RESPONSE' });
  });

  it('lets only a human answer after 24 h, with the HUMAN_AGENT tag, for 7 days', () => {
    expect(planMessengerDelivery('bot', hoursAgo(25), NOW)).toMatchObject({ hold: true, code: 'WINDOW_CLOSED' });
    expect(planMessengerDelivery('system', hoursAgo(25), NOW)).toMatchObject({ hold: true });
    expect(planMessengerDelivery('officer', hoursAgo(25), NOW)).toEqual({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(planMessengerDelivery('officer', hoursAgo(7 * 24 + 1), NOW)).toMatchObject({ hold: true, code: 'WINDOW_CLOSED' });
    expect(planMessengerDelivery('officer', null, NOW)).toMatchObject({ hold: true });
  });
});
