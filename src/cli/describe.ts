// The human summary of a run: brokers, then each topic like `kafka-topics --describe`, then
// the producers, then the audit. Pure: text in, text out.

import {
  DEFAULT_TOPIC_CONFIG,
  explain,
  type AuditReport,
  type SimEvent,
  type SimState,
  type TopicConfig,
} from "../engine/index.ts";
import { kafkaNameOf, kafkaValueOf } from "../scenario/index.ts";
import {
  brokerSummaries,
  duplicateRecordCount,
  producerSummaries,
  topicSummaries,
  type PartitionSummary,
} from "./report.ts";
import { describeGroups } from "./groups.ts";

/** Lost records listed one by one before the rest is counted. */
export const LOST_SHOWN = 10;

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

const ids = (list: readonly number[]): string => (list.length === 0 ? "none" : list.join(","));

/** Kafka shows only a topic's overrides; so does this, with Kafka's names. */
export function configOverrides(config: TopicConfig): string {
  const parts: string[] = [];
  for (const field of Object.keys(DEFAULT_TOPIC_CONFIG) as (keyof TopicConfig)[]) {
    if (config[field] === DEFAULT_TOPIC_CONFIG[field]) continue;
    const name = kafkaNameOf("topic", field) ?? field;
    parts.push(`${name}=${kafkaValueOf("topic", field, config[field])}`);
  }
  return parts.join(",");
}

/** Partition rows with their columns lined up, in kafka-topics' `Name: value` style. */
export function partitionRows(topic: string, partitions: readonly PartitionSummary[]): string[] {
  const cells = partitions.map((p) => [
    `Topic: ${topic}`,
    `Partition: ${p.partition}`,
    `Leader: ${p.leader < 0 ? "none" : p.leader}`,
    `Replicas: ${ids(p.replicas)}`,
    `Isr: ${ids(p.isr)}`,
    `LeaderEpoch: ${p.leaderEpoch}`,
    `LogStartOffset: ${p.logStartOffset}`,
    `HW: ${p.highWatermark}`,
    `LEO: ${p.replicas.map((id) => `${id}=${p.logEndOffsets[String(id)] ?? 0}`).join(" ")}` +
      (p.leader < 0 ? `  (offline; offsets from broker ${p.offsetsFrom})` : ""),
  ]);
  const widths = cells[0]?.map((_, col) => Math.max(...cells.map((row) => row[col]!.length))) ?? [];
  return cells.map(
    (row) =>
      "\t" +
      row
        .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!)))
        .join("  "),
  );
}

function counts(tally: Readonly<Record<string, number>>): string {
  const entries = Object.entries(tally).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? "none" : entries.map(([k, n]) => `${k} ${n}`).join(", ");
}

export interface SummaryInput {
  state: SimState;
  audit: AuditReport;
  /** Per producer, records retried after each error (from the trace). */
  retries?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function describeRun({ state, audit, retries = {} }: SummaryInput): string {
  const out: string[] = [];
  out.push(`Scenario: ${state.name} (seed ${state.seed})`, `Time: ${seconds(state.time)}`, "");

  out.push("Brokers");
  for (const b of brokerSummaries(state)) {
    const notes = [b.alive ? "up" : "down"];
    if (b.controller) notes.push("active controller");
    if (b.alive && b.fenced) notes.push("fenced");
    if (b.isolated) notes.push("isolated from the cluster");
    if (b.fetchDelayMs > 0) notes.push(`slow: waits ${b.fetchDelayMs} ms before each fetch`);
    out.push(`  broker ${b.id}: ${notes.join(", ")}`);
  }
  out.push("");

  for (const t of topicSummaries(state)) {
    const config = state.topics[t.name]!.config;
    out.push(
      `Topic: ${t.name}\tPartitionCount: ${t.partitions.length}\tReplicationFactor: ${t.replicationFactor}\tConfigs: ${configOverrides(config)}`,
    );
    out.push(...partitionRows(t.name, t.partitions), "");
  }

  out.push("Producers");
  const producers = producerSummaries(state);
  if (producers.length === 0) out.push("  none");
  for (const p of producers) {
    out.push(
      `  ${p.id} -> ${p.topic} (acks=${p.acks}, ${p.idempotent ? "idempotent" : "not idempotent"})`,
      `    sent ${p.sent}, acknowledged ${p.acknowledged}, failed ${p.failed}, still pending ${p.pending}`,
      `    failed with: ${counts(p.errors)}`,
      `    retried after: ${counts(retries[p.id] ?? {})}`,
    );
  }
  out.push("");

  out.push(...describeGroups(state));

  out.push("Audit");
  out.push(
    `  acknowledged: ${audit.acknowledged} records (${audit.retired} of them since deleted by retention or compaction, as configured)`,
  );
  if (audit.lost.length === 0) out.push("  lost: none");
  else {
    out.push(`  LOST: ${audit.lost.length} acknowledged records`);
    for (const l of audit.lost.slice(0, LOST_SHOWN)) {
      const where = l.offset === null ? "(no offset)" : `offset ${l.offset}`;
      const key = l.key === null ? "no key" : `key ${JSON.stringify(l.key)}`;
      out.push(`    ${l.topic}-${l.partition} ${where}, ${key}, from ${l.producer}: ${l.cause}`);
    }
    if (audit.lost.length > LOST_SHOWN)
      out.push(`    ... and ${audit.lost.length - LOST_SHOWN} more (--json lists them all)`);
  }
  const dupRecords = duplicateRecordCount(audit);
  out.push(
    audit.duplicates.length === 0
      ? "  duplicates: none"
      : `  duplicates: ${dupRecords} records written twice, in ${audit.duplicates.length} retried batches (${Object.entries(
          audit.duplicates.reduce<Record<string, number>>((acc, d) => {
            acc[d.producer] = (acc[d.producer] ?? 0) + d.count;
            return acc;
          }, {}),
        )
          .map(([producer, n]) => `${producer} ${n}`)
          .join(", ")})`,
  );
  out.push(
    audit.orderViolations.length === 0
      ? "  order violations: none"
      : `  order violations: ${audit.orderViolations.length} (records landed after records sent later)`,
  );
  for (const r of audit.redelivered) {
    out.push(
      r.count === 0
        ? `  redelivered to ${r.groupId}: none`
        : `  redelivered to ${r.groupId}: ${r.count} records received more than once`,
    );
    for (const e of r.examples.slice(0, LOST_SHOWN))
      out.push(
        `    ${e.topic}-${e.partition} offsets ${e.firstOffset}..${e.lastOffset} to ${e.consumer}: ${e.cause}`,
      );
    if (r.aboveHighWatermark > 0)
      out.push(`    BUG: ${r.aboveHighWatermark} records were read at or above the high watermark`);
  }
  return out.join("\n") + "\n";
}

/** One line per event: the virtual time and the plain-language explanation. */
export function eventLine(e: SimEvent): string {
  return `[${seconds(e.time).padStart(11)}] ${explain(e)}`;
}
