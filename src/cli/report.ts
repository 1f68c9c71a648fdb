// What a headless run reports, as plain data: the cluster like kafka-topics --describe, the
// producers' counters and the audit. Pure functions of the engine's state; describe.ts turns
// them into text, jsonReport.ts into the --json document.

import type { AuditReport, PartitionState, SimState } from "../engine/index.ts";

export interface BrokerSummary {
  id: number;
  alive: boolean;
  controller: boolean;
  isolated: boolean;
  fenced: boolean;
  fetchDelayMs: number;
}

export interface PartitionSummary {
  partition: number;
  /** -1 when the partition is offline. */
  leader: number;
  replicas: number[];
  isr: number[];
  leaderEpoch: number;
  /**
   * The leader's log start offset and high watermark; for an offline partition, those of the
   * replica with the highest high watermark (ties: the highest log end offset, then the first
   * in assignment order), which is what a student would get back first.
   */
  logStartOffset: number;
  highWatermark: number;
  /** Which replica logStartOffset and highWatermark come from. */
  offsetsFrom: number;
  logEndOffsets: Record<string, number>;
}

export interface TopicSummary {
  name: string;
  replicationFactor: number;
  partitions: PartitionSummary[];
}

export interface ProducerSummary {
  id: string;
  topic: string;
  acks: string;
  idempotent: boolean;
  sent: number;
  acknowledged: number;
  failed: number;
  /** Records still in the accumulator or in flight. */
  pending: number;
  errors: Record<string, number>;
}

export function brokerSummaries(state: SimState): BrokerSummary[] {
  return Object.values(state.brokers)
    .sort((a, b) => a.id - b.id)
    .map((b) => ({
      id: b.id,
      alive: b.status !== "offline",
      controller: state.controller.active === b.id,
      isolated: b.isolated,
      fenced: b.fenced,
      fetchDelayMs: b.fetchDelayMs,
    }));
}

function offsetsSource(p: PartitionState): number {
  if (p.leader >= 0 && p.replicaStates[String(p.leader)]) return p.leader;
  let best = p.replicas[0] ?? -1;
  for (const id of p.replicas) {
    const r = p.replicaStates[String(id)];
    const b = p.replicaStates[String(best)];
    if (!r) continue;
    if (
      !b ||
      r.highWatermark > b.highWatermark ||
      (r.highWatermark === b.highWatermark && r.logEndOffset > b.logEndOffset)
    )
      best = id;
  }
  return best;
}

export function partitionSummary(p: PartitionState): PartitionSummary {
  const from = offsetsSource(p);
  const source = p.replicaStates[String(from)];
  const logEndOffsets: Record<string, number> = {};
  for (const id of p.replicas)
    logEndOffsets[String(id)] = p.replicaStates[String(id)]?.logEndOffset ?? 0;
  return {
    partition: p.partition,
    leader: p.leader,
    replicas: [...p.replicas],
    isr: [...p.isr],
    leaderEpoch: p.leaderEpoch,
    logStartOffset: source?.logStartOffset ?? 0,
    highWatermark: source?.highWatermark ?? 0,
    offsetsFrom: from,
    logEndOffsets,
  };
}

/** User topics in name order (internal topics such as __consumer_offsets are left out). */
export function topicSummaries(state: SimState): TopicSummary[] {
  return Object.values(state.topics)
    .filter((t) => !t.internal)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => ({
      name: t.name,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      partitions: t.partitions.map(partitionSummary),
    }));
}

export function producerSummaries(state: SimState): ProducerSummary[] {
  return Object.values(state.producers).map((p) => ({
    id: p.id,
    topic: p.topic,
    acks: String(p.config.acks),
    idempotent: p.config.enableIdempotence,
    sent: p.sent,
    acknowledged: p.acknowledged,
    failed: p.failed,
    pending: p.batches.reduce((n, b) => n + b.records.length, 0),
    errors: { ...p.errors },
  }));
}

/** Duplicate records in all (each duplicate write may carry several records). */
export const duplicateRecordCount = (report: AuditReport): number =>
  report.duplicates.reduce((n, d) => n + d.count, 0);
