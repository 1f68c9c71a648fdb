// The --json document: exactly the fields docs/scenario-format.md lists, nothing else, so that
// scripts and tests can rely on its shape.

import type { AuditReport, SimState } from "../engine/index.ts";
import { groupSummaries } from "./groups.ts";
import { brokerSummaries, producerSummaries, topicSummaries } from "./report.ts";

export interface JsonReport {
  time: number;
  brokers: { id: number; alive: boolean; controller: boolean }[];
  topics: {
    name: string;
    partitions: {
      partition: number;
      leader: number;
      replicas: number[];
      isr: number[];
      leaderEpoch: number;
      logStartOffset: number;
      highWatermark: number;
      logEndOffsets: Record<string, number>;
    }[];
  }[];
  producers: {
    id: string;
    sent: number;
    acknowledged: number;
    failed: number;
    errors: Record<string, number>;
  }[];
  audit: {
    acknowledged: number;
    lost: {
      topic: string;
      partition: number;
      offset: number | null;
      key: string | null;
      cause: string;
    }[];
    /** One entry per duplicate write; `count` records each. */
    duplicates: {
      topic: string;
      partition: number;
      producer: string;
      offset: number;
      originalOffset: number;
      count: number;
    }[];
    orderViolations: {
      topic: string;
      partition: number;
      producer: string;
      offset: number;
      laterSentOffset: number;
    }[];
    /** Per consumer group: records it received more than once, with examples and their cause. */
    redelivered: {
      groupId: string;
      count: number;
      examples: {
        topic: string;
        partition: number;
        firstOffset: number;
        lastOffset: number;
        consumer: string;
        cause: string;
      }[];
    }[];
  };
  groups: {
    groupId: string;
    state: string;
    generation: number;
    coordinator: number;
    members: { id: string; consumer: string; assignment: string[] }[];
    offsets: {
      topic: string;
      partition: number;
      committed: number | null;
      logEndOffset: number;
      lag: number | null;
    }[];
  }[];
}

export function jsonReport(state: SimState, report: AuditReport): JsonReport {
  return {
    time: state.time,
    brokers: brokerSummaries(state).map((b) => ({
      id: b.id,
      alive: b.alive,
      controller: b.controller,
    })),
    topics: topicSummaries(state).map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        leaderEpoch: p.leaderEpoch,
        logStartOffset: p.logStartOffset,
        highWatermark: p.highWatermark,
        logEndOffsets: p.logEndOffsets,
      })),
    })),
    producers: producerSummaries(state).map((p) => ({
      id: p.id,
      sent: p.sent,
      acknowledged: p.acknowledged,
      failed: p.failed,
      errors: p.errors,
    })),
    audit: {
      acknowledged: report.acknowledged,
      lost: report.lost.map((l) => ({
        topic: l.topic,
        partition: l.partition,
        offset: l.offset,
        key: l.key,
        cause: l.cause,
      })),
      duplicates: report.duplicates.map((d) => ({
        topic: d.topic,
        partition: d.partition,
        producer: d.producer,
        offset: d.offset,
        originalOffset: d.originalOffset,
        count: d.count,
      })),
      orderViolations: report.orderViolations.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        producer: o.producer,
        offset: o.offset,
        laterSentOffset: o.laterSentOffset,
      })),
      redelivered: report.redelivered.map((r) => ({
        groupId: r.groupId,
        count: r.count,
        examples: r.examples.map((e) => ({
          topic: e.topic,
          partition: e.partition,
          firstOffset: e.firstOffset,
          lastOffset: e.lastOffset,
          consumer: e.consumer,
          cause: e.cause,
        })),
      })),
    },
    groups: groupSummaries(state).map((g) => ({
      groupId: g.groupId,
      state: g.state,
      generation: g.generation,
      coordinator: g.coordinator,
      members: g.members.map((m) => ({ id: m.id, consumer: m.consumer, assignment: m.assignment })),
      offsets: g.offsets.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        committed: o.committed,
        logEndOffset: o.logEndOffset,
        lag: o.lag,
      })),
    })),
  };
}
