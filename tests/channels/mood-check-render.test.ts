import { renderBotFrameworkParts } from '../../bots/channels/botframework/render.js';
import { renderMessengerParts } from '../../bots/channels/messenger/render.js';
import { renderTelegramParts } from '../../bots/channels/telegram/render.js';
import { WEB_CAPABILITIES } from '../../bots/channels/web/capabilities.js';
import { renderZaloParts } from '../../bots/channels/zalo/render.js';
import { degradeContent } from '../../core/channels/degrade.js';
import { moodCheckDraft } from '../../core/pipeline/mood-check.vi.js';

/**
 * The 1–5 mood check (issue #10 item 1) as each channel shows it: five buttons where the platform has them, in one
 * message with the question; a numbered list where it does not.
 */
describe('the mood check on every channel', () => {
  const draft = moodCheckDraft('handoff', 'wages');
  const payloads = ['mood:1:wages', 'mood:2:wages', 'mood:3:wages', 'mood:4:wages', 'mood:5:wages'];

  it.each([
    ['Zalo', () => renderZaloParts(draft.content)],
    ['Messenger', () => renderMessengerParts(draft.content)],
    ['Telegram', () => renderTelegramParts(draft.content)],
    ['Bot Framework', () => renderBotFrameworkParts(draft.content)],
  ])('%s shows five buttons under the question', (_name, render) => {
    const parts = render();
    expect(parts).toHaveLength(1);
    const wire = JSON.stringify(parts[0]?.payload);
    expect(wire).toContain('Bạn thấy việc hỗ trợ thế nào?');
    for (const payload of payloads) expect(wire).toContain(payload);
    expect(wire).not.toContain('Bạn trả lời bằng số thứ tự');
  });

  it('the web chat keeps the choices as buttons', () => {
    expect(degradeContent(draft.content, WEB_CAPABILITIES)).toEqual([draft.content]);
  });

  it('a channel without buttons gets a numbered list the member answers with a digit', () => {
    const [part] = degradeContent(draft.content, { ...WEB_CAPABILITIES, choices: false });
    expect(part).toEqual({ type: 'text', text: expect.stringContaining('1. Rất tệ\n2. Chưa tốt\n3. Tạm được\n4. Tốt\n5. Rất tốt\nBạn trả lời bằng số thứ tự nhé.') });
  });
});
