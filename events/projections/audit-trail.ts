import type { Causation, EventType, RecordedEvent } from '../catalog';
import { summarizeEvent } from './event-summary';
import { emptyIdRecord, withEntry, type IdRecord } from './id-record';

/** One line of a campaign's audit timeline: what happened, when, and on whose behalf. */
export interface AuditEntry {
  position: number;
  version: number;
  eventId: string;
  recordedAt: string;
  type: EventType;
  summary: string;
  causation: Causation | null;
  data: RecordedEvent['data'];
}

/** Every campaign's audit entries, in the order the store recorded them. */
export interface AuditTrails {
  campaigns: IdRecord<readonly AuditEntry[]>;
}

export const initialAuditTrail: AuditTrails = { campaigns: emptyIdRecord() };

function toAuditEntry(event: RecordedEvent): AuditEntry {
  const { position, version, eventId, recordedAt, causation } = event.metadata;
  return {
    position,
    version,
    eventId,
    recordedAt,
    type: event.type,
    summary: summarizeEvent(event),
    causation: causation ?? null,
    data: event.data,
  };
}

/** Folds one event into the trails; the input trails are never modified. */
export function evolveAuditTrail(trails: AuditTrails, event: RecordedEvent): AuditTrails {
  const { campaignId } = event.data;
  const entries = [...(trails.campaigns[campaignId] ?? []), toAuditEntry(event)];
  return { campaigns: withEntry(trails.campaigns, campaignId, entries) };
}

export function projectAuditTrail(events: Iterable<RecordedEvent>): AuditTrails {
  let trails = initialAuditTrail;
  for (const event of events) trails = evolveAuditTrail(trails, event);
  return trails;
}

/** One campaign's entries; empty for a campaign with no events. */
export function auditTrailOf(trails: AuditTrails, campaignId: string): readonly AuditEntry[] {
  return trails.campaigns[campaignId] ?? [];
}
