import { AppError } from '../../core/errors/app-error.js';
import { describeError } from './cli-context.js';

const upper = { redact: (text: string) => text.replace(/\d{10}/g, '[SĐT]') };

describe('the CLI describes a failed command', () => {
  it('keeps an AppError as it is: its code, message and fields', () => {
    const error = new AppError('VALIDATION_FAILED', 'bad day', { fields: [{ path: 'from', message: 'YYYY-MM-DD' }] });
    expect(describeError(error, upper)).toEqual({ code: 'VALIDATION_FAILED', message: 'bad day', fields: [{ path: 'from', message: 'YYYY-MM-DD' }] });
  });

  it("shows an unexpected error's causes with their codes, redacted, so a wrapped driver error says why it failed", () => {
    const driver = Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
    const wrapped = new Error('Failed query: select * from members where phone = $1\nparams: 0912345678', { cause: driver });
    const { code, message } = describeError(wrapped, upper);
    expect(code).toBe('INTERNAL');
    expect(message).toBe('Failed query: select * from members where phone = $1\nparams: [SĐT] — caused by: could not serialize access due to concurrent update [40001]');
  });

  it('stops on a cause chain that loops', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(describeError(a, upper).message.split(' — caused by: ')).toHaveLength(5);
  });

  it('describes a thrown non-error value', () => {
    expect(describeError('boom', upper)).toEqual({ code: 'INTERNAL', message: 'boom' });
  });
});
