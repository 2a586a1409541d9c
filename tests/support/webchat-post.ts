import { randomUUID } from 'node:crypto';

/**
 * One member message through the web chat's public endpoint, as the chat page sends it (a fresh client message id):
 * how suites put real messages through the whole pipeline.
 */
export function postWebchat(baseUrl: string, sessionId: string, text: string, unitCode: string): Promise<Response> {
  return fetch(`${baseUrl}/api/webchat/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, unitCode }),
  });
}
