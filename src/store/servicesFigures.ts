// The live figures of one side, derived from its state. Percentiles over every latency so far
// are cached per state and recomputed only when new deliveries arrived.

import { senderBusyMs, waitingNow, type FailReason, type ServicesState } from "../engine/index.ts";

export interface SideFigures {
  messages: number;
  delivered: number;
  failed: number;
  failedBy: [FailReason, number][];
  deadLettered: number;
  duplicates: number;
  p50: number | null;
  p99: number | null;
  /** Share of the sender's threads busy over the last sample interval (0..1). */
  senderBusy: number;
  senderBusyMs: number;
  waiting: number;
  connectionsOpened: number;
  retries: number;
}

/** Every latency so far, kept sorted as new ones arrive (a frame adds a few, never re-sorts). */
const cache = new WeakMap<ServicesState, { n: number; sorted: number[] }>();

function insertSorted(sorted: number[], v: number): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, v);
}

function latencyPercentiles(s: ServicesState): { p50: number | null; p99: number | null } {
  const all = s.metrics.latencies;
  let entry = cache.get(s);
  if (!entry || entry.n > all.length) {
    entry = { n: all.length, sorted: all.slice().sort((a, b) => a - b) };
    cache.set(s, entry);
  }
  for (let i = entry.n; i < all.length; i++) insertSorted(entry.sorted, all[i]!);
  entry.n = all.length;
  const at = (p: number): number | null => {
    const n = entry.sorted.length;
    return n === 0 ? null : entry.sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
  };
  return { p50: at(0.5), p99: at(0.99) };
}

export function sideFigures(s: ServicesState): SideFigures {
  const m = s.metrics;
  const busy = senderBusyMs(s);
  const last = s.samples[s.samples.length - 1];
  const failedBy = (Object.entries(m.failedBy) as [FailReason, number][]).sort(
    (a, b) => b[1] - a[1],
  );
  return {
    messages: m.messages,
    delivered: m.delivered,
    failed: m.failed,
    failedBy,
    deadLettered: m.deadLettered,
    duplicates: m.duplicates,
    ...latencyPercentiles(s),
    senderBusy: last ? last.senderBusy : 0,
    senderBusyMs: busy,
    waiting: waitingNow(s),
    connectionsOpened: m.connectionsOpened,
    retries: m.retries,
  };
}
