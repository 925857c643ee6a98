import type { Notice } from '../dashboard/dashboard.svelte';
import { GraphqlRequestError, type GraphqlRequest } from '../dashboard/graphql-client';
import { labelColours } from './label-colours';
import {
  labelTreeQuery,
  pointLayoutQuery,
  relabelMutation,
  type LabelTreeRow,
  type PointLayoutRow,
  type RelabelReceiptRow,
} from './labelling-queries';

/** Which campaign the panel shows, and its latest round that clustered (null before one). */
export interface LabellingTarget {
  campaignId: string;
  clusteredRound: number | null;
}

/**
 * The labelling panel's live state: the label tree now and, when travelling back, as it was
 * after a chosen event; the latest round's layout; the lassoed points and the relabelling.
 */
export class Labelling {
  current: LabelTreeRow | null = $state(null);
  past: LabelTreeRow | null = $state(null);
  /** The audit position the tree is shown at; null shows it now. */
  atPosition: number | null = $state(null);
  layout: PointLayoutRow | null = $state(null);
  selected: number[] = $state([]);
  toLabelId = $state('');
  reason = $state('lassoed in the scatter plot');
  notice: Notice | null = $state(null);
  #layoutKey: string | null = null;
  #loading: Promise<void> | null = null;

  constructor(private readonly request: GraphqlRequest) {}

  /** The tree on show: the past one while travelling back, else the current one. */
  get shown(): LabelTreeRow | null {
    return this.atPosition === null ? this.current : this.past;
  }

  get colours(): Record<string, string> {
    return labelColours(this.current?.labels.map(({ id }) => id) ?? []);
  }

  /** One read at a time; a refresh asked for meanwhile is answered by the read under way. */
  refresh(target: LabellingTarget): Promise<void> {
    this.#loading ??= this.#load(target).finally(() => (this.#loading = null));
    return this.#loading;
  }

  async #load({ campaignId, clusteredRound }: LabellingTarget): Promise<void> {
    try {
      const atPosition = this.atPosition;
      const now = await this.request<{ labelTree: LabelTreeRow }>(labelTreeQuery, { campaignId });
      this.current = now.labelTree;
      if (atPosition !== null) {
        const then = await this.request<{ labelTree: LabelTreeRow }>(labelTreeQuery, {
          campaignId,
          atPosition,
        });
        this.past = then.labelTree;
      }

      // The layout is large: read again only when a round clustered or a label changed.
      const key = `${campaignId}/${clusteredRound}/${now.labelTree.position}`;
      if (clusteredRound !== null && key !== this.#layoutKey) {
        const read = await this.request<{ pointLayout: PointLayoutRow | null }>(pointLayoutQuery, {
          campaignId,
        });
        this.layout = read.pointLayout;
        this.#layoutKey = key;
      }
    } catch (error) {
      this.notice = {
        kind: 'failed',
        text: `label tree refresh failed: ${(error as Error).message}`,
      };
    }
  }

  async travelTo(target: LabellingTarget, atPosition: number | null): Promise<void> {
    this.atPosition = atPosition;
    this.past = null;
    await this.#loading;
    await this.refresh(target);
  }

  async relabel(target: LabellingTarget, expertId: string | null): Promise<void> {
    const { campaignId } = target;
    const variables = {
      campaignId,
      pointIds: this.selected,
      toLabelId: this.toLabelId,
      expertId: expertId ?? '',
      reason: this.reason,
    };
    try {
      const { relabelPoints } = await this.request<{ relabelPoints: RelabelReceiptRow }>(
        relabelMutation,
        variables,
      );
      this.notice = {
        kind: 'sent',
        text: `relabelled ${relabelPoints.relabelled} points to ${variables.toLabelId}`,
      };
      this.selected = [];
    } catch (error) {
      const code = error instanceof GraphqlRequestError ? error.code : null;
      this.notice = {
        kind: code === null ? 'failed' : 'refused',
        text: `${code === null ? 'failed' : `refused (${code})`}: ${(error as Error).message}`,
      };
    }
    await this.#loading;
    await this.refresh(target);
  }
}
