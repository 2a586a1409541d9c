import { isHumanOwned, nextConversationState, type ConversationState } from './conversation-state.js';

describe('conversation state machine', () => {
  it.each<[ConversationState, Parameters<typeof nextConversationState>[1]['type'], ConversationState]>([
    ['bot', 'request_handoff', 'waiting_officer'],
    ['closed', 'request_handoff', 'waiting_officer'],
    ['officer', 'request_handoff', 'officer'],
    ['waiting_officer', 'officer_take', 'officer'],
    ['bot', 'officer_take', 'officer'],
    ['officer', 'officer_release', 'bot'],
    ['officer', 'close', 'closed'],
    ['closed', 'member_message', 'bot'],
    ['officer', 'member_message', 'officer'],
  ])('%s --%s--> %s', (from, type, to) => {
    const event = type === 'officer_take' ? { type, officerId: 'o1' } : ({ type } as { type: typeof type });
    expect(nextConversationState(from, event as never)).toBe(to);
  });

  it.each<[ConversationState, 'officer_release']>([
    ['bot', 'officer_release'],
    ['closed', 'officer_release'],
  ])('rejects %s --%s', (from, type) => {
    expect(() => nextConversationState(from, { type })).toThrow(
      expect.objectContaining({ code: 'CONVERSATION_INVALID_TRANSITION' }),
    );
  });

  it('knows when a person owns the conversation', () => {
    expect(isHumanOwned('officer')).toBe(true);
    expect(isHumanOwned('waiting_officer')).toBe(true);
    expect(isHumanOwned('bot')).toBe(false);
    expect(isHumanOwned('closed')).toBe(false);
  });
});
