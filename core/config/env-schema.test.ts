import { parseEnv } from './env-schema.js';

describe('parseEnv', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', WORKERS_IN_PROCESS: true, DEMO_SEED: true, K_ANONYMITY: 5 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('treats empty strings as unset and parses flags', () => {
    const env = parseEnv({ DATABASE_URL: '', WORKERS_IN_PROCESS: 'false', PORT: '8080' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.WORKERS_IN_PROCESS).toBe(false);
    expect(env.PORT).toBe(8080);
  });

  it('refuses the statement log (a debugging aid) in production, and allows it elsewhere', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DB_STATEMENT_LOG: '/tmp/statements.log' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', fields: [expect.objectContaining({ path: 'DB_STATEMENT_LOG' })] }),
    );
    expect(parseEnv({ NODE_ENV: 'production', DB_STATEMENT_LOG: '' }).DB_STATEMENT_LOG).toBeUndefined();
    expect(parseEnv({ NODE_ENV: 'development', DB_STATEMENT_LOG: '/tmp/statements.log' }).DB_STATEMENT_LOG).toBe('/tmp/statements.log');
  });

  it('names every bad variable', () => {
    expect(() => parseEnv({ PORT: 'abc', LOG_LEVEL: 'loud', JWT_SECRET: 'short' })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        fields: expect.arrayContaining([
          expect.objectContaining({ path: 'PORT' }),
          expect.objectContaining({ path: 'LOG_LEVEL' }),
          expect.objectContaining({ path: 'JWT_SECRET' }),
        ]),
      }),
    );
  });

  it('reads the crisis hotlines and refuses a line without a number', () => {
    expect(parseEnv({}).CRISIS_HOTLINES).toEqual([]);
    expect(parseEnv({ CRISIS_HOTLINES: 'Đường dây hỗ trợ tâm lý: 0900 000 000 ; Tư vấn: 1800.1234' }).CRISIS_HOTLINES).toEqual([
      { name: 'Đường dây hỗ trợ tâm lý', number: '0900 000 000' },
      { name: 'Tư vấn', number: '1800.1234' },
    ]);
    expect(() => parseEnv({ CRISIS_HOTLINES: 'Đường dây hỗ trợ' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', fields: [expect.objectContaining({ path: 'CRISIS_HOTLINES' })] }),
    );
  });
});
