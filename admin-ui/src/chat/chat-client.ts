import type { WebchatMessage } from '../../../core/contracts/webchat-api';

export interface ChatBubble {
  key: string;
  seq: number;
  from: 'member' | 'bot' | 'officer';
  text: string;
  choices?: { title: string; payload: string }[];
  citations?: { label: string; href?: string }[];
  pending?: boolean;
  failed?: boolean;
}

const SESSION_KEY = 'cd_chat_session';

/** The member's web identity: a random UUID kept in this browser only. */
export function sessionId(): string {
  let id = localStorage.getItem(SESSION_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(SESSION_KEY, id);
  }
  return id;
}

const UNIT_SENT_KEY = 'cd_chat_unit_sent';

/**
 * The `?unit=` of the page, sent with the first message only (issue #15): a link parameter applies at first
 * contact, and never again over a union the member chose later (`/donvi`, or on another channel).
 */
export function unitCodeToSend(): string | undefined {
  const code = unitCodeFromUrl();
  return code && localStorage.getItem(UNIT_SENT_KEY) !== code.toUpperCase() ? code : undefined;
}

export function markUnitCodeSent(code: string): void {
  localStorage.setItem(UNIT_SENT_KEY, code.toUpperCase());
}

export function unitCodeFromUrl(): string | undefined {
  const code = new URLSearchParams(location.search).get('unit');
  return code && /^[A-Za-z0-9_-]{2,32}$/.test(code) ? code : undefined;
}

export function toBubble(message: WebchatMessage): ChatBubble {
  return {
    key: message.id,
    seq: message.seq,
    from: message.direction === 'in' ? 'member' : message.author === 'officer' ? 'officer' : 'bot',
    text: message.text,
    ...(message.choices ? { choices: message.choices } : {}),
    ...(message.citations ? { citations: message.citations } : {}),
  };
}

/** Messages after `after`, and whether an officer (not the bot) answers this conversation now. */
export async function fetchHistory(session: string, after: number): Promise<{ messages: WebchatMessage[]; withOfficer: boolean }> {
  const response = await fetch(`/api/webchat/history?sessionId=${session}&after=${after}`);
  if (!response.ok) throw new Error(`history ${response.status}`);
  const body = (await response.json()) as { messages: WebchatMessage[]; withOfficer?: boolean };
  return { messages: body.messages, withOfficer: body.withOfficer === true };
}

/**
 * Sends one message; retries a network failure with the SAME client id, so the server records it once
 * however many times the request is repeated.
 */
export async function sendMessage(body: { sessionId: string; clientMessageId: string; text?: string; postback?: { payload: string; title?: string }; unitCode?: string }): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const response = await fetch('/api/webchat/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status === 202) return;
      if (response.status < 500) throw Object.assign(new Error(`rejected ${response.status}`), { permanent: true });
      lastError = new Error(`server ${response.status}`);
    } catch (error) {
      if ((error as { permanent?: boolean }).permanent) throw error;
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
  }
  throw lastError;
}
