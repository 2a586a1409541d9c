import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { EnvSchema, parseEnv } from '../../core/config/env-schema.js';
import { PROJECT_ROOT } from '../../bots/project-root.js';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  healthcheck?: { disable?: boolean; test?: string[] };
}
const compose = load(read('compose.yaml')) as { services: Record<string, ComposeService> };
/** The services that run our image (PostgreSQL and Redis have their own variables). */
const appServices = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('congdoan-assistant'));

/** `${NAME:-default}` → default, `${NAME}` → '' (what compose substitutes with nothing set). */
const substituteDefaults = (value: string) => value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_match, fallback: string | undefined) => fallback ?? '');

const resolvedEnvironment = (service: ComposeService) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, substituteDefaults(String(value))]));

/** The instructions of the Dockerfile's last stage (the image that runs). */
function finalStage(): string[] {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  return lines.slice(lastFrom);
}
const instruction = (name: string) => finalStage().find((line) => line.toUpperCase().startsWith(`${name} `));
const execForm = (line: string | undefined) => JSON.parse((line ?? '').replace(/^\S+\s+/, '')) as string[];

/** The commands the README's Deployment section gives for the server and the worker processes. */
function readmeCommands(): Record<string, string> {
  const section = /## Deployment\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
  const commands: Record<string, string> = {};
  for (const match of section.matchAll(/^\| (server|worker) \| `([^`]+)`/gm)) commands[match[1] as string] = match[2] as string;
  return commands;
}

describe('deployment artefacts (Dockerfile, compose.yaml)', () => {
  it('compose sets only variables of the env schema, and their defaults pass its validation', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['server', 'worker']);
    const known = new Set(Object.keys(EnvSchema.shape));
    for (const [name, service] of appServices) {
      const variables = Object.keys(service.environment ?? {});
      expect(variables.length).toBeGreaterThan(5);
      expect({ service: name, unknown: variables.filter((variable) => !known.has(variable)) }).toEqual({ service: name, unknown: [] });
      const env = parseEnv(resolvedEnvironment(service));
      // The distributed backends, with the workers in their own processes.
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
    }
    expect(parseEnv(resolvedEnvironment(compose.services.server ?? {})).WORKERS_IN_PROCESS).toBe(false);
  });

  it("the image starts the README's server command, compose the README's worker command, and npm's scripts agree", () => {
    const documented = readmeCommands();
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(execForm(instruction('CMD')).join(' ')).toBe(documented.server);
    expect(compose.services.worker?.command?.join(' ')).toBe(documented.worker);
    expect(scripts.start).toBe(documented.server);
    expect(scripts.worker).toBe(documented.worker);
  });

  it('the image is multi-stage, runs as a non-root user and checks /healthz', () => {
    const froms = read('Dockerfile').match(/^FROM\s/gim) ?? [];
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const user = instruction('USER')?.split(/\s+/)[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(instruction('HEALTHCHECK')).toContain('/healthz');
    // A worker serves no web traffic: the image's check uses its health port when WORKER_HEALTH_PORT is set, and
    // compose checks the worker's readiness on the port it gives it.
    expect(instruction('HEALTHCHECK')).toContain('WORKER_HEALTH_PORT');
    const workerPort = compose.services.worker?.environment?.WORKER_HEALTH_PORT;
    expect(workerPort).toBeDefined();
    expect(compose.services.worker?.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${String(workerPort)}/readyz`);
  });

  it('keeps local state and dependencies out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'data', '.env', 'build', 'admin-ui/dist']) expect(ignored).toContain(entry);
  });
});
