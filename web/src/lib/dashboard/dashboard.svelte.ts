import { answerMutation, type QueryRow } from './dashboard-queries';
import { GraphqlRequestError, type GraphqlRequest } from './graphql-client';
import { loadDashboard, type DashboardSnapshot } from './load-dashboard';
import type { Selection } from './selection';

/** A line shown above the inbox after an answer was sent or refused. */
export interface Notice {
  kind: 'sent' | 'refused' | 'failed';
  text: string;
}

/**
 * The page's live state: the latest snapshot, what the user chose, and the answers sent from
 * this page (a sent query stays listed until the workflow records the answer).
 */
export class Dashboard {
  snapshot: DashboardSnapshot = $state() as DashboardSnapshot;
  wanted: Selection = $state({ campaignId: null, expertId: null });
  // Keyed by expert, then query: the same page may answer for several experts in turn.
  #sent: Record<string, Record<string, string>> = $state({});
  notice: Notice | null = $state(null);
  #inFlight: Promise<void> | null = null;
  #queued: Promise<void> | null = null;

  constructor(
    initial: DashboardSnapshot,
    wanted: Selection,
    private readonly request: GraphqlRequest,
  ) {
    this.snapshot = initial;
    this.wanted = wanted;
  }

  /** The answers sent from this page by the selected expert, by query id. */
  get sent(): Record<string, string> {
    const expertId = this.snapshot.selection.expertId;
    return (expertId !== null && this.#sent[expertId]) || {};
  }

  get campaign() {
    const { campaigns, selection } = this.snapshot;
    return campaigns.find(({ id }) => id === selection.campaignId) ?? null;
  }

  /**
   * Reads a new snapshot. One read at a time: a refresh asked for meanwhile runs once after it,
   * so a changed selection is never answered by a read that started before the change.
   */
  refresh(): Promise<void> {
    if (this.#inFlight === null) {
      this.#inFlight = this.#load().finally(() => (this.#inFlight = null));
      return this.#inFlight;
    }
    this.#queued ??= this.#inFlight.then(() => {
      this.#queued = null;
      return this.refresh();
    });
    return this.#queued;
  }

  /** A failed read keeps the last snapshot on screen and says so. */
  async #load(): Promise<void> {
    try {
      this.snapshot = await loadDashboard(this.request, this.wanted, this.snapshot);
    } catch (error) {
      this.notice = { kind: 'failed', text: `refresh failed: ${(error as Error).message}` };
    }
  }

  async select(wanted: Partial<Selection>): Promise<void> {
    this.wanted = { ...this.wanted, ...wanted };
    await this.refresh();
  }

  async answer(query: QueryRow, answer: string): Promise<void> {
    const expertId = this.snapshot.selection.expertId;
    if (expertId === null) return;

    try {
      await this.request(answerMutation, { queryId: query.id, expertId, answer });
      const byExpert = { ...this.#sent[expertId], [query.id]: answer };
      this.#sent = { ...this.#sent, [expertId]: byExpert };
      this.notice = { kind: 'sent', text: `answer "${answer}" to ${query.id} sent` };
    } catch (error) {
      const refused = error instanceof GraphqlRequestError && error.code !== null;
      const prefix = refused ? `refused (${(error as GraphqlRequestError).code})` : 'failed';
      this.notice = {
        kind: refused ? 'refused' : 'failed',
        text: `${prefix}: ${(error as Error).message}`,
      };
    }
    await this.refresh();
  }
}
