// The compact overlay's reading of the trace, frame by frame. A large cluster writes thousands
// of events per virtual second, and walking the whole window back on every frame cost more
// than the rest of the overlay: here each new event is read once, and what the overlay needs
// (the records that flowed, and the rare notable events) is kept in short queues that drop
// what falls out of the window. A seek, a step back or a trimmed trace starts them afresh.

import { DETAIL_EVENT_TYPES, type SimEvent } from "../../store/index.ts";
import type { Throughput } from "./activity.ts";

interface Flow {
  time: number;
  count: number;
  /** Where the records are counted: `p:web`, `b:3`, `c:analytics-1`. */
  keys: readonly string[];
}

/** Records per key in the window, and how many flows make each (a key goes with its last). */
type Totals = Map<string, { records: number; flows: number }>;

export interface CompactActivity {
  /** Records per second over the last `flowWindowMs`, by where they were counted. */
  throughput: Throughput;
  /** The notable (non-detail) events of the last `notableWindowMs`, oldest first. */
  notable: readonly SimEvent[];
}

export type EventTail = (events: readonly SimEvent[], now: number) => CompactActivity;

export function createEventTail(flowWindowMs: number, notableWindowMs: number): EventTail {
  let flows: Flow[] = [];
  let head = 0;
  let totals: Totals = new Map();
  let notable: SimEvent[] = [];
  let last: SimEvent | undefined;
  let lastNow = -Infinity;
  const span = Math.max(flowWindowMs, notableWindowMs);

  const count = (f: Flow, sign: 1 | -1): void => {
    for (const k of f.keys) {
      const t = totals.get(k) ?? { records: 0, flows: 0 };
      t.records += sign * f.count;
      t.flows += sign;
      if (t.flows === 0) totals.delete(k);
      else totals.set(k, t);
    }
  };
  const flow = (f: Flow): void => {
    flows.push(f);
    count(f, 1);
  };
  const take = (e: SimEvent): void => {
    if (e.type === "batchAppended")
      flow({ time: e.time, count: e.count, keys: [`p:${e.producer}`, `b:${e.broker}`] });
    else if (e.type === "recordsConsumed")
      flow({ time: e.time, count: e.count, keys: [`c:${e.consumer}`] });
    else if (!DETAIL_EVENT_TYPES.has(e.type)) notable.push(e);
  };

  /** Where the events not read yet begin, or -1 when the trace is not the one followed. */
  const resume = (events: readonly SimEvent[], now: number): number => {
    if (!last || now < lastNow) return -1;
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e === last) return i + 1;
      if (e.time < last.time) break;
    }
    return -1;
  };

  return (events, now) => {
    let from = resume(events, now);
    if (from < 0) {
      flows = [];
      head = 0;
      totals = new Map();
      notable = [];
      from = events.length;
      while (from > 0 && events[from - 1]!.time > now - span) from--;
    }
    for (let i = from; i < events.length; i++) {
      const e = events[i]!;
      // Events past now (none while playing) are read when the picture gets there.
      if (e.time > now) break;
      take(e);
      last = e;
    }
    lastNow = now;
    // Integer counts added and taken away: the totals never drift.
    while (head < flows.length && flows[head]!.time <= now - flowWindowMs)
      count(flows[head++]!, -1);
    if (head > 1024 && head > flows.length / 2) {
      flows = flows.slice(head);
      head = 0;
    }
    let drop = 0;
    while (drop < notable.length && notable[drop]!.time <= now - notableWindowMs) drop++;
    if (drop > 0) notable = notable.slice(drop);
    return { throughput: rates(totals, 1000 / flowWindowMs), notable };
  };
}

function rates(totals: Totals, perSec: number): Throughput {
  const out: Throughput = { producers: {}, consumers: {}, brokers: {} };
  const part = { p: out.producers, b: out.brokers, c: out.consumers } as const;
  for (const [k, t] of totals) part[k[0] as keyof typeof part][k.slice(2)] = t.records * perSec;
  return out;
}
