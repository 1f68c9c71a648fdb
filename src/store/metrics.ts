// Time series for the charts, sampled from the engine state on virtual time (one sample per
// METRICS_SAMPLE_MS, at exact multiples of it). Like the checkpoints, the series runs to the
// horizon whatever moment is shown (the run is deterministic: a replay samples the same values
// again), and a fork drops the samples after it. So the series after a seek equals the series of
// a straight run.

import { groupOffsets, type SimState, type VirtualMs } from "../engine/index.ts";

export const METRICS_SAMPLE_MS = 1000;
/** Samples kept (two hours at one a second); older ones are dropped first. */
export const METRICS_SAMPLES_KEPT = 7200;
/** Per-partition lag is kept for groups with at most this many partitions (memory). */
export const PARTITION_LAG_LIMIT = 64;

export interface MetricsSample {
  time: VirtualMs;
  /** Cumulative over every producer: records sent, acknowledged and failed so far. */
  sent: number;
  acknowledged: number;
  failed: number;
  /** Cumulative records processed by each group's consumers. */
  consumed: Record<string, number>;
  /** Lesson partitions (internal topics left out) whose ISR is smaller than their replica set. */
  underReplicated: number;
  /** Lesson partitions without a leader. */
  offline: number;
  /** Per lesson topic: ISR members summed over its partitions, and the replicas they could be. */
  isr: Record<string, number>;
  replicas: Record<string, number>;
  /** Per group: lag as kafka-consumer-groups reports it (sum over partitions with a commit). */
  lag: Record<string, number>;
  /** Per group and `topic-N`: lag, or null before the group's first commit of it. */
  partitionLag: Record<string, Record<string, number | null>>;
}

export interface Metrics {
  /** Ascending by time; samples[0] is the run's initial state. */
  samples: MetricsSample[];
}

export function sampleOf(s: SimState): MetricsSample {
  let sent = 0;
  let acknowledged = 0;
  let failed = 0;
  for (const p of Object.values(s.producers)) {
    sent += p.sent;
    acknowledged += p.acknowledged;
    failed += p.failed;
  }
  const consumed: Record<string, number> = {};
  for (const c of Object.values(s.consumers))
    consumed[c.groupId] = (consumed[c.groupId] ?? 0) + c.consumed;
  let underReplicated = 0;
  let offline = 0;
  const isr: Record<string, number> = {};
  const replicas: Record<string, number> = {};
  for (const t of Object.values(s.topics)) {
    if (t.internal) continue;
    let inSync = 0;
    let all = 0;
    for (const p of t.partitions) {
      inSync += p.isr.length;
      all += p.replicas.length;
      if (p.isr.length < p.replicas.length) underReplicated++;
      if (p.leader < 0) offline++;
    }
    isr[t.name] = inSync;
    replicas[t.name] = all;
  }
  const lag: Record<string, number> = {};
  const partitionLag: Record<string, Record<string, number | null>> = {};
  for (const groupId of Object.keys(s.groups)) {
    const offsets = groupOffsets(s, groupId);
    let sum = 0;
    for (const o of offsets) sum += o.lag ?? 0;
    lag[groupId] = sum;
    if (offsets.length <= PARTITION_LAG_LIMIT) {
      const per: Record<string, number | null> = {};
      for (const o of offsets) per[`${o.topic}-${o.partition}`] = o.lag;
      partitionLag[groupId] = per;
    }
  }
  return {
    time: s.time,
    sent,
    acknowledged,
    failed,
    consumed,
    underReplicated,
    offline,
    isr,
    replicas,
    lag,
    partitionLag,
  };
}

export function createMetrics(initial: SimState): Metrics {
  return { samples: [sampleOf(initial)] };
}

/** The virtual time of the next sample the run must stop at, after `now`. */
export function nextSampleTime(now: VirtualMs): VirtualMs {
  return (Math.floor(now / METRICS_SAMPLE_MS) + 1) * METRICS_SAMPLE_MS;
}

/** Records the state at a sample time (the run stops there; the state includes every event due then). */
export function recordSample(m: Metrics, s: SimState): void {
  const samples = m.samples;
  const last = samples[samples.length - 1];
  if (!last || last.time < s.time) {
    samples.push(sampleOf(s));
    if (samples.length > METRICS_SAMPLES_KEPT)
      samples.splice(0, samples.length - METRICS_SAMPLES_KEPT);
    return;
  }
  // A replay of known time: the same line of history, so the same values; keep them current anyway.
  const i = Math.round((s.time - samples[0]!.time) / METRICS_SAMPLE_MS);
  if (samples[i]?.time === s.time) samples[i] = sampleOf(s);
}

/** Drops the samples after `time` (a fork: the old future is gone). */
export function rewindMetrics(m: Metrics, time: VirtualMs): void {
  let n = m.samples.length;
  while (n > 0 && m.samples[n - 1]!.time > time) n--;
  if (n < m.samples.length) m.samples.length = n;
}
