import { Command, CommanderError } from 'commander';
import { describeError, exitCodeOf, type CliBase, type CliIo } from './cli-context.js';
import { registerChatCommand } from './commands/chat-command.js';
import { registerDbCommands } from './commands/db-commands.js';
import { registerOrgCommands } from './commands/org-commands.js';
import { registerUserCommands } from './commands/user-commands.js';
import { registerMemberCommands } from './commands/member-commands.js';
import { registerPrivacyCommands } from './commands/privacy-commands.js';
import { registerKbCommands } from './commands/kb-commands.js';
import { registerNluCommands } from './commands/nlu-commands.js';
import { registerNluLabelsCommands } from './commands/nlu-labels-commands.js';
import { registerMoodCommands } from './commands/mood-commands.js';
import { registerDemoCommands } from './commands/demo-commands.js';
import { registerSecretsCommands } from './commands/secrets-commands.js';
import { parseEnv } from '../../core/config/env-schema.js';
import { bootBase } from '../bootstrap.js';
import { normalizeQuery } from '../knowledge/load-knowledge.js';
import { nluPaths } from '../nlu/load-classifier.js';
import { createLawRepository } from '../storage/repositories/law-repository.js';
import { createKnowledgeVersionRepository, type KnowledgeKind } from '../storage/repositories/knowledge-version-repository.js';
import { announceKnowledgeChange } from '../knowledge/knowledge-sync.js';
import { createInProcessHub, createRedisHub } from '../realtime/realtime-hub.js';
import { createReviewedLabelRepository } from '../storage/repositories/reviewed-label-repository.js';
import { createFaqRepository } from '../storage/repositories/faq-repository.js';
import { loadStarterPack } from '../../knowledge/index.js';
import { officerFaqPhrasings } from '../nlu/officer-faq-phrasings.js';

/** Bumps the shared knowledge version and, with Redis, rings every running server and worker at once. */
async function announceChange(base: CliBase, kind: KnowledgeKind): Promise<void> {
  const hub = base.env.REDIS_URL ? createRedisHub(base.env.REDIS_URL, `${base.env.QUEUE_PREFIX}:rt`, base.logger) : createInProcessHub();
  try {
    await announceKnowledgeChange({ versions: createKnowledgeVersionRepository(base.database.db), hub }, kind);
  } finally {
    await hub.close();
  }
}

/** Builds the `congdoan` program. Tests call it with their own io and environment. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('congdoan')
    .description('Công đoàn assistant platform: administration and diagnostics (same wiring as the server)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd()) });
  registerDbCommands(program, io);
  registerOrgCommands(program, io);
  registerUserCommands(program, io);
  registerChatCommand(program, io);
  registerMemberCommands(program, io);
  registerPrivacyCommands(program, io);
  registerKbCommands(program, {
    openDatabase: async () => {
      const base = await bootBase(io.env, { longCommands: true });
      return {
        lawRepository: createLawRepository(base.database.db),
        announceLawChange: () => announceChange(base, 'law'),
        close: () => base.database.close(),
      };
    },
    stdout: io.stdout,
    stderr: io.stderr,
    normalizeQuery,
  });
  const env = parseEnv(io.env);
  registerNluCommands(program, {
    paths: nluPaths(env),
    env,
    stdout: io.stdout,
    stderr: io.stderr,
    announceModelChange: async () => {
      const base = await bootBase(io.env, { longCommands: true });
      try {
        await announceChange(base, 'model');
      } finally {
        await base.database.close();
      }
    },
    // Officers' relabels from the knowledge desk (nlu_reviewed_labels), merged by `nlu train`.
    reviewedFromDatabase: async () => {
      const base = await bootBase(io.env, { longCommands: true });
      try {
        const rows = await createReviewedLabelRepository(base.database.db).reviewedLabels();
        return rows.map(({ text, route, topic, sentiment }) => ({ text, route, topic, sentiment }));
      } finally {
        await base.database.close();
      }
    },
    // FAQ entries and phrasings officers added on the knowledge desk: questions members now ask.
    curatedFromDatabase: async () => {
      const base = await bootBase(io.env, { longCommands: true });
      try {
        return officerFaqPhrasings(await createFaqRepository(base.database.db).listPublished(), loadStarterPack());
      } finally {
        await base.database.close();
      }
    },
  });
  registerNluLabelsCommands(program, io);
  registerMoodCommands(program, io);
  registerDemoCommands(program, io);
  registerSecretsCommands(program, io);
  return program;
}

/** Runs one command line; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander's own parse errors (unknown option, missing argument) are bad input; a command's failure
    // (reportCommandErrors, `nlu train` not activating) carries its own exit code.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : error.code.startsWith('commander.') ? 2 : error.exitCode;
    const described = describeError(error);
    const json = argv.includes('--format') && argv[argv.indexOf('--format') + 1] === 'json';
    io.stderr(json ? JSON.stringify({ error: described }) : `error ${described.code}: ${described.message}`);
    return exitCodeOf(error);
  }
}
