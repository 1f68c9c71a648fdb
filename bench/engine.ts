// Engine throughput: how fast virtual time runs on this machine, and how much memory it holds.

import {
  advanceTo,
  createSimulation,
  type SimulationSpec,
  type SimState,
} from "../src/engine/index.ts";

export interface EngineBenchResult {
  name: string;
  virtualMs: number;
  wallMs: number;
  speedup: number;
  events: number;
  eventsPerSec: number;
  recordsAcknowledged: number;
  recordsPerWallSec: number;
  peakHeapMb: number;
  /** Live heap halfway through and at the end: equal when retention bounds the memory. */
  midHeapMb: number;
  endHeapMb: number;
}

function acknowledged(state: SimState): number {
  return Object.values(state.producers).reduce((n, p) => n + p.acknowledged, 0);
}

export function runEngineBench(
  name: string,
  spec: SimulationSpec,
  virtualMs: number,
  sliceMs = 60_000,
): EngineBenchResult {
  const created = createSimulation(spec);
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
  const state = created.state;
  let events = 0;
  let peakHeap = 0;
  let midHeap = 0;
  let heap = 0;
  let wallMs = 0;
  for (let t = sliceMs; t <= virtualMs; t += sliceMs) {
    const start = performance.now();
    const r = advanceTo(state, t, { maxEvents: Number.MAX_SAFE_INTEGER });
    wallMs += performance.now() - start;
    events += r.processed;
    // Live memory, not garbage waiting for collection (npm run bench runs with --expose-gc);
    // the collection is outside the timed part.
    (globalThis as { gc?: () => void }).gc?.();
    heap = process.memoryUsage().heapUsed;
    peakHeap = Math.max(peakHeap, heap);
    if (midHeap === 0 && t >= virtualMs / 2) midHeap = heap;
  }
  const acked = acknowledged(state);
  return {
    name,
    virtualMs,
    wallMs: Math.round(wallMs),
    speedup: Math.round(virtualMs / wallMs),
    events,
    eventsPerSec: Math.round(events / (wallMs / 1000)),
    recordsAcknowledged: acked,
    recordsPerWallSec: Math.round(acked / (wallMs / 1000)),
    peakHeapMb: Math.round(peakHeap / 1048576),
    midHeapMb: Math.round(midHeap / 1048576),
    endHeapMb: Math.round(heap / 1048576),
  };
}

const keys = Array.from({ length: 50 }, (_, i) => `user-${i}`);

/** 6 brokers, 3 topics x 12 partitions, RF 3, acks=all, 1,000 records/s in total. */
export function classroomClusterSpec(): SimulationSpec {
  const topics = ["orders", "payments", "shipments"];
  return {
    name: "bench-6-brokers",
    seed: 1,
    brokers: Array.from({ length: 6 }, (_, i) => ({ id: i + 1 })),
    config: { logRetentionCheckIntervalMs: 60_000 },
    topics: topics.map((name) => ({
      name,
      partitions: 12,
      replicationFactor: 3,
      // Retention bounds memory: ten minutes of data in one-minute segments.
      config: { minInsyncReplicas: 2, retentionMs: 600_000, segmentMs: 60_000 },
    })),
    producers: topics.map((topic, i) => ({
      id: `p${i}`,
      topic,
      ratePerSec: i === 0 ? 334 : 333,
      keys,
      config: { acks: "all" },
    })),
    timeline: [],
  };
}

/** 50 brokers, 1,000 partitions, RF 3, 5,000 records/s. */
export function largeClusterSpec(): SimulationSpec {
  return {
    name: "bench-50-brokers",
    seed: 1,
    brokers: Array.from({ length: 50 }, (_, i) => ({ id: i + 1 })),
    config: { logRetentionCheckIntervalMs: 60_000 },
    topics: [
      {
        name: "events",
        partitions: 1000,
        replicationFactor: 3,
        config: { minInsyncReplicas: 2, retentionMs: 300_000, segmentMs: 60_000 },
      },
    ],
    producers: Array.from({ length: 5 }, (_, i) => ({
      id: `p${i}`,
      topic: "events",
      ratePerSec: 1000,
      keys: null,
      config: { acks: "all" },
    })),
    timeline: [],
  };
}

/**
 * 200 consumers in 20 groups on 1,000 partitions (10 topics x 100), with a rebalance storm:
 * 50 joins and leaves spread over the first 30 virtual seconds.
 */
export function rebalanceStormSpec(): SimulationSpec {
  const topics = Array.from({ length: 10 }, (_, i) => `t${i}`);
  const consumers: NonNullable<SimulationSpec["consumers"]> = [];
  for (let g = 0; g < 20; g++) {
    for (let m = 0; m < 10; m++) {
      consumers.push({
        id: `g${g}-c${m}`,
        groupId: `g${g}`,
        topics: [topics[g % 10]!, topics[(g + 1) % 10]!],
      });
    }
  }
  const timeline: SimulationSpec["timeline"] = [];
  for (let i = 0; i < 50; i++) {
    const g = i % 20;
    const at = 5_000 + i * 500;
    // Even steps add a member, odd steps remove one that was there from the start.
    timeline.push(
      i % 2 === 0
        ? {
            at,
            command: {
              type: "addConsumer",
              consumer: {
                id: `g${g}-extra${i}`,
                groupId: `g${g}`,
                topics: [topics[g % 10]!, topics[(g + 1) % 10]!],
              },
            },
          }
        : { at, command: { type: "removeConsumer", consumer: `g${g}-c${i % 10}` } },
    );
  }
  return {
    name: "bench-rebalance-storm",
    seed: 1,
    brokers: Array.from({ length: 6 }, (_, i) => ({ id: i + 1 })),
    config: { logRetentionCheckIntervalMs: 60_000 },
    topics: topics.map((name) => ({
      name,
      partitions: 100,
      replicationFactor: 3,
      config: { minInsyncReplicas: 2 },
    })),
    producers: topics.map((topic, i) => ({
      id: `p${i}`,
      topic,
      ratePerSec: 100,
      keys: null,
      config: { acks: "all" },
    })),
    consumers,
    timeline,
  };
}
