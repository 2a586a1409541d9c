import { isChannelId } from '../../../../core/messages/channels';
import { isTopic } from '../../../../core/nlu/labels';
import type { InboxItemDto as ConversationRow } from '../../../../core/contracts/inbox-api';
import type { InboxFilters } from './api';

/** The filters as URL parameters (`?unit=HN&channel=zalo&topic=wages&urgent=1`), so a link reproduces the view. */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const pick = (name: string) => params.get(name) || undefined;
  const channel = pick('channel');
  const topic = pick('topic');
  return {
    unit: pick('unit'),
    channel: channel && isChannelId(channel) ? channel : undefined,
    topic: topic && isTopic(topic) ? topic : undefined,
    urgent: params.get('urgent') === '1' ? true : undefined,
  };
}

export function filtersToParams(filters: InboxFilters, into: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(into);
  for (const name of ['unit', 'channel', 'topic', 'urgent'] as const) next.delete(name);
  if (filters.unit) next.set('unit', filters.unit);
  if (filters.channel) next.set('channel', filters.channel);
  if (filters.topic) next.set('topic', filters.topic);
  if (filters.urgent) next.set('urgent', '1');
  return next;
}

export function hasFilters(filters: InboxFilters): boolean {
  return Boolean(filters.unit || filters.channel || filters.topic || filters.urgent);
}

/**
 * The same filters applied in the browser too: the server filters first, but a server that ignores a parameter
 * must not show rows the officer filtered out. (Unit filter includes the unit only; the server may widen to the subtree.)
 */
export function matchesFilters(row: ConversationRow, filters: InboxFilters): boolean {
  if (filters.channel && row.channel !== filters.channel) return false;
  if (filters.topic && row.topic !== filters.topic) return false;
  if (filters.urgent && !row.urgent) return false;
  return true;
}

/** Urgent first, then overdue, then the oldest SLA deadline (the one that escalates first), then the newest. */
export function byPriority(a: ConversationRow, b: ConversationRow): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const due = (row: ConversationRow) => (row.slaDueAt ? new Date(row.slaDueAt).getTime() : Number.POSITIVE_INFINITY);
  if (due(a) !== due(b)) return due(a) - due(b);
  return (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '');
}
