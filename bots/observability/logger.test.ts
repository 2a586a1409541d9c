import { Writable } from 'node:stream';
import { createRedactor } from '../../intents/index.js';
import { createLogger } from './logger.js';

function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', redactor: createRedactor(), destination }) };
}

describe('JSON logs', () => {
  it('redacts personal data in messages, fields and errors, and censors secrets by path', () => {
    const { lines, logger } = captureLogger();
    logger.info({ text: 'em tên Nguyễn Văn An, sđt 0912 345 678, cccd 001099012345', password: 'hunter2-secret', content: { text: 'bí mật' } }, 'tin nhắn từ 0987.654.321');
    logger.error({ err: new Error('gửi tới an.nguyen@example.com thất bại') }, 'send failed');
    const all = lines.join('\n');
    for (const secret of ['0912 345 678', '001099012345', '0987.654.321', 'hunter2-secret', 'bí mật', 'an.nguyen@example.com']) {
      expect(all).not.toContain(secret);
    }
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(first.password).toBe('[redacted]');
    expect(String(first.text)).toContain('[SĐT]');
    expect(String(first.msg)).toContain('[SĐT]');
  });

  it('keeps the ids a log line names intact while hiding full-width and disguised personal data', () => {
    const { lines, logger } = captureLogger();
    const conversationId = '3f2a9c10-1234-4a5b-8123-123456789012';
    logger.warn({ conversationId, messageId: '00000000-0000-4000-8000-000000000912', text: 'sđt ０９１２ ３４５ ６７８, mail an92 [at] gmail.com' }, `turn failed for ${conversationId}`);
    const line = JSON.parse(lines[0] as string) as Record<string, string>;
    expect(line.conversationId).toBe(conversationId);
    expect(line.messageId).toBe('00000000-0000-4000-8000-000000000912');
    expect(line.msg).toBe(`turn failed for ${conversationId}`);
    expect(line.text).toBe('sđt [SĐT], mail [EMAIL]');
  });
});
