/**
 * "Latest query wins, per lane": a newer query in a lane supersedes an older one that is still
 * queued (never sent) or running (its answer is dropped), and a lane runs one query at a time,
 * so fast typing costs the index one query per answer, not one per keystroke.
 */
import type { SearchOptions, SearchResult } from '../engine/types.ts';

/** True for the rejection of a superseded or aborted search: not an error to show. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function abortError(message: string): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/** A stable lane key for an options object (key order does not matter). */
export function laneOf(options: SearchOptions): string {
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export interface PendingSearch {
  id: number;
  query: string;
  options: SearchOptions;
  lane: string;
  resolve: (result: SearchResult) => void;
  reject: (error: unknown) => void;
  /** Superseded or aborted: its answer, if any, is dropped. */
  stale: boolean;
}

interface Lane {
  queued?: PendingSearch;
  active?: PendingSearch;
}

export type Outcome = { result: SearchResult } | { error: unknown };

export class SearchLanes {
  private readonly lanes = new Map<string, Lane>();

  /**
   * @param canRun Whether queries may be sent now (an index is built and no build is running).
   * @param dispatch Runs a query; its answer must come back through settle().
   */
  constructor(
    private readonly canRun: () => boolean,
    private readonly dispatch: (p: PendingSearch) => void,
  ) {}

  /** Makes `p` its lane's next query, superseding the one queued and the one running. */
  enqueue(p: PendingSearch, signal: AbortSignal | undefined): void {
    const lane = this.laneFor(p.lane);
    if (signal?.aborted) {
      p.reject(abortError('Search aborted'));
      return;
    }
    signal?.addEventListener(
      'abort',
      () => {
        p.stale = true;
        if (lane.queued === p) {
          lane.queued = undefined;
          p.reject(abortError('Search aborted'));
        }
      },
      { once: true },
    );
    if (lane.queued) {
      lane.queued.stale = true;
      lane.queued.reject(abortError('Search superseded'));
    }
    if (lane.active) lane.active.stale = true;
    lane.queued = p;
    this.pump(p.lane);
  }

  /** Delivers a query's answer (dropped, as an AbortError, if it was superseded) and starts the next. */
  settle(p: PendingSearch, outcome: Outcome): void {
    const lane = this.laneFor(p.lane);
    if (lane.active === p) lane.active = undefined;
    if (p.stale) p.reject(abortError('Search superseded'));
    else if ('result' in outcome) p.resolve(outcome.result);
    else p.reject(outcome.error);
    this.pump(p.lane);
    if (!lane.active && !lane.queued) this.lanes.delete(p.lane);
  }

  /** Sends every idle lane's queued query (after a build). */
  pumpAll(): void {
    for (const key of this.lanes.keys()) this.pump(key);
  }

  /** Rejects the queries that were never sent, with an AbortError. */
  rejectQueued(message: string): void {
    for (const lane of this.lanes.values()) {
      lane.queued?.reject(abortError(message));
      lane.queued = undefined;
    }
  }

  private laneFor(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = {}));
    return lane;
  }

  /** Sends the lane's queued query if the lane is idle and queries may run. */
  private pump(key: string): void {
    const lane = this.laneFor(key);
    if (lane.active || !lane.queued || !this.canRun()) return;
    lane.active = lane.queued;
    lane.queued = undefined;
    this.dispatch(lane.active);
  }
}
