// Figures for each side: sampled over time for charts, and read at any moment for the live
// figures. Plain functions of the state.

import type { Ctx } from "./context.ts";
import type { ServicesState } from "./types.ts";

export const SAMPLE_INTERVAL_MS = 500;

/** The p-quantile (0..1) by nearest rank; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** Thread-milliseconds the sender has been busy up to now, running jobs included. */
export function senderBusyMs(s: ServicesState): number {
  let busy = s.metrics.senderBusyMs;
  for (const id in s.sender.running) busy += s.time - s.sender.running[id]!;
  return busy;
}

/** Messages waiting somewhere: in the sender's backlog, broker queues, receivers' backlogs. */
export function waitingNow(s: ServicesState): number {
  let n = s.sender.waiting.length;
  if (s.broker) for (const id in s.broker.queues) n += s.broker.queues[id]!.ready.length;
  for (const id of s.receiverOrder) n += s.receivers[id]!.backlog.length;
  return n;
}

export function takeSample(ctx: Ctx): void {
  const s = ctx.state;
  const last = s.lastSample;
  const span = s.time - last.t;
  const busy = senderBusyMs(s);
  const window = s.metrics.latencies.slice(last.latencyIndex);
  s.samples.push({
    t: s.time,
    delivered: s.metrics.delivered,
    failed: s.metrics.failed,
    p99: percentile(window, 0.99),
    waiting: waitingNow(s),
    senderBusy: span > 0 ? Math.min(1, (busy - last.busyMs) / (span * s.spec.sender.threads)) : 0,
  });
  s.lastSample = { t: s.time, latencyIndex: s.metrics.latencies.length, busyMs: busy };
}
