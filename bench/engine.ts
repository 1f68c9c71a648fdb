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
  const start = performance.now();
  for (let t = sliceMs; t <= virtualMs; t += sliceMs) {
    const r = advanceTo(state, t, { maxEvents: Number.MAX_SAFE_INTEGER });
    events += r.processed;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - start;
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
