import type * as BotbuilderModule from 'botbuilder';
import type { PartOutcome } from '../shared/deliver-parts.js';
import type { BotFrameworkConfig } from './config.js';
import type { BotFrameworkOutgoing } from './render.js';

type Botbuilder = typeof BotbuilderModule;
export type CloudAdapterInstance = InstanceType<Botbuilder['CloudAdapter']>;

/**
 * botbuilder is imported on first use only: it is an optional dependency (archived SDK, ~2.5 s to load),
 * and the platform must start without it. Credentials come from our config, never from process.env.
 * Empty credentials mean botbuilder's unauthenticated emulator mode (tests only; the env never allows it).
 */
export function createBotFrameworkClient(config: BotFrameworkConfig) {
  let loaded: Promise<{ adapter: CloudAdapterInstance }> | null = null;

  async function load(): Promise<{ adapter: CloudAdapterInstance }> {
    const botbuilder: Botbuilder = await import('botbuilder');
    const credentials = new botbuilder.ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.appId,
      MicrosoftAppPassword: config.appPassword,
      MicrosoftAppType: config.tenantId ? 'SingleTenant' : 'MultiTenant',
      ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    });
    const authentication = new botbuilder.ConfigurationBotFrameworkAuthentication(
      { MicrosoftAppId: config.appId, ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}) },
      credentials,
    );
    return { adapter: new botbuilder.CloudAdapter(authentication) };
  }

  return {
    cloudAdapter(): Promise<CloudAdapterInstance> {
      loaded ??= load();
      return loaded.then((l) => l.adapter);
    },
    /** Writes into a conversation from its stored reference (a proactive message, as replies are sent from the queue). */
    async send(reference: Record<string, unknown>, activity: BotFrameworkOutgoing): Promise<PartOutcome> {
      try {
        const adapter = await this.cloudAdapter();
        let id: string | undefined;
        await adapter.continueConversationAsync(config.appId, reference, async (context) => {
          const response = await context.sendActivity(activity);
          id = response?.id;
        });
        return { ok: true, platformMessageId: id ?? `bf-${Date.now()}-${Math.random().toString(36).slice(2)}` };
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        const detail = `Bot Framework: ${error instanceof Error ? error.message : String(error)}`;
        if (status === 429) return { ok: false, retryable: true, code: 'RATE_LIMITED', detail };
        if (status === 401 || status === 403) return { ok: false, retryable: false, code: 'AUTH_FAILED', detail };
        if (status === 404) return { ok: false, retryable: false, code: 'INVALID_RECIPIENT', detail };
        if (status !== undefined && status >= 400 && status < 500) return { ok: false, retryable: false, code: 'INVALID_PAYLOAD', detail };
        return { ok: false, retryable: true, code: status ? 'PLATFORM_UNAVAILABLE' : 'NETWORK', detail, ...(status ? {} : { outcomeUnknown: true }) };
      }
    },
  };
}

export type BotFrameworkClient = ReturnType<typeof createBotFrameworkClient>;
