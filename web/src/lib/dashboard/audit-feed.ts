import type { AuditRow } from './dashboard-queries';

/** How many audit entries the page keeps; older ones scroll out of the timeline. */
export const auditWindow = 300;

/** The position to read the next page after: the newest entry seen, or 0 for a fresh feed. */
export function nextAuditPosition(entries: AuditRow[]): number {
  return entries.at(-1)?.position ?? 0;
}

/** Appends a page in store order, ignoring entries already held, keeping the newest window. */
export function appendAudit(entries: AuditRow[], page: AuditRow[], window = auditWindow) {
  const after = nextAuditPosition(entries);
  const merged = [...entries, ...page.filter(({ position }) => position > after)];
  return merged.slice(-window);
}
