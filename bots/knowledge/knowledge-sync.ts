import type { Logger } from '../../core/ports/logger.js';
import type { RealtimeHub } from '../realtime/realtime-hub.js';
import { KNOWLEDGE_KINDS, type KnowledgeKind, type KnowledgeVersionRepository, type KnowledgeVersions } from '../storage/repositories/knowledge-version-repository.js';

/** The hub topic on which a change of FAQ, law or model is announced to every process. */
export const KNOWLEDGE_TOPIC = 'knowledge';

export type KnowledgeReloaders = Partial<Record<KnowledgeKind, () => Promise<void>>>;

export interface KnowledgeSync {
  /** Records a change made by this process (bump the shared counter), reloads here and tells the others. */
  changed(kind: KnowledgeKind): Promise<number>;
  /** The versions this process has loaded (shown by /readyz and /metrics). */
  loaded(): KnowledgeVersions;
  /** Compares with the database now and reloads what is behind (also run every `pollMs`). */
  catchUp(): Promise<void>;
  close(): void;
}

/**
 * One truth across processes (issue #12 item 5). The database holds a version counter per kind; the realtime
 * hub (Redis pub/sub with Redis, an in-process emitter without) is the doorbell that makes every server and
 * worker reload within moments of a change. A process that missed the doorbell (Redis reconnecting, started
 * in between) catches up at the next poll, because it compares its loaded version with the database's — the
 * same "database is the truth, the queue is a doorbell" rule as for messages (docs/decisions.md D3).
 * `initial` are the versions read before the knowledge was loaded, so a change made during the load is redone.
 */
export function createKnowledgeSync(deps: {
  versions: KnowledgeVersionRepository;
  hub: RealtimeHub;
  logger: Logger;
  reloaders: KnowledgeReloaders;
  initial: KnowledgeVersions;
  pollMs: number;
  onLoaded?: (versions: KnowledgeVersions) => void;
}): KnowledgeSync {
  const loaded: KnowledgeVersions = { ...deps.initial };
  // One reload per kind at a time; a doorbell during a reload runs one more after it (coalesced).
  const running = new Map<KnowledgeKind, Promise<void>>();
  const again = new Set<KnowledgeKind>();

  async function reload(kind: KnowledgeKind, version: number): Promise<void> {
    const reloader = deps.reloaders[kind];
    if (reloader) await reloader();
    if (version > loaded[kind]) loaded[kind] = version;
    deps.logger.info({ kind, version }, 'knowledge reloaded');
    deps.onLoaded?.({ ...loaded });
  }

  /** Reads the counters, then reloads each kind that is behind them (read first: what is loaded is at least that). */
  function catchUp(kinds: readonly KnowledgeKind[] = KNOWLEDGE_KINDS): Promise<void> {
    return Promise.all(
      kinds.map(async (kind) => {
        const busy = running.get(kind);
        if (busy) {
          again.add(kind);
          return busy;
        }
        const work = (async () => {
          do {
            again.delete(kind);
            const version = (await deps.versions.current())[kind];
            if (version > loaded[kind]) await reload(kind, version);
          } while (again.has(kind));
        })()
          .catch((error: unknown) => deps.logger.warn({ err: error, kind }, 'knowledge reload failed; retried at the next poll'))
          .finally(() => running.delete(kind));
        running.set(kind, work);
        return work;
      }),
    ).then(() => undefined);
  }

  const unsubscribe = deps.hub.subscribe(KNOWLEDGE_TOPIC, (event) => {
    const kind = (event as { kind?: unknown } | null)?.kind;
    const version = Number((event as { version?: unknown } | null)?.version);
    if (!KNOWLEDGE_KINDS.includes(kind as KnowledgeKind) || !(version > loaded[kind as KnowledgeKind])) return;
    void catchUp([kind as KnowledgeKind]);
  });
  const timer = setInterval(() => void catchUp(), deps.pollMs);
  timer.unref();
  deps.onLoaded?.({ ...loaded });

  return {
    async changed(kind) {
      const version = await deps.versions.bump(kind);
      await catchUp([kind]);
      await deps.hub.publish(KNOWLEDGE_TOPIC, { kind, version });
      return version;
    },
    loaded: () => ({ ...loaded }),
    catchUp: () => catchUp(),
    close() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}

/** For processes that change knowledge but serve no members (the CLI): bump the counter and ring the doorbell. */
export async function announceKnowledgeChange(deps: { versions: KnowledgeVersionRepository; hub: RealtimeHub }, kind: KnowledgeKind): Promise<number> {
  const version = await deps.versions.bump(kind);
  await deps.hub.publish(KNOWLEDGE_TOPIC, { kind, version });
  return version;
}
