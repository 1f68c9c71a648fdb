// Everything that happened, in the past tense. `explain(event)` turns one into a line a
// student can read; the hot path builds no strings. Events marked as detail (per batch or per
// fetch) are produced only when the caller asks for them.

import type { BrokerId, VirtualMs } from "./types.ts";

export type ElectionKind = "initial" | "clean" | "unclean" | "preferred" | "controlledShutdown";

type E<T extends string, F> = { type: T; time: VirtualMs } & F;

/** The consumer half: groups, members, assignments, offsets. */
export type GroupEvent =
  | E<"consumerAdded", { consumer: string; groupId: string; topics: string[] }>
  | E<"consumerStatusChanged", { consumer: string; groupId: string; status: string }>
  | E<"consumerError", { consumer: string; groupId: string; error: string; message: string }>
  | E<"memberJoined", { groupId: string; consumer: string; memberId: string; isStatic: boolean }>
  | E<"memberLeft", { groupId: string; consumer: string; memberId: string }>
  | E<
      "memberEvicted",
      {
        groupId: string;
        consumer: string;
        memberId: string;
        reason: "session.timeout.ms" | "max.poll.interval.ms";
      }
    >
  | E<
      "staticMemberRejoined",
      { groupId: string; consumer: string; memberId: string; partitions: string[] }
    >
  | E<"rebalanceStarted", { groupId: string; reason: string; protocol: "eager" | "cooperative" }>
  | E<
      "groupStable",
      {
        groupId: string;
        generation: number;
        leader: string;
        assignor: string;
        members: number;
        idle: string[];
      }
    >
  | E<"groupEmpty", { groupId: string; generation: number }>
  | E<
      "partitionsAssigned",
      { groupId: string; consumer: string; generation: number; partitions: string[] }
    >
  | E<
      "partitionsRevoked",
      {
        groupId: string;
        consumer: string;
        partitions: string[];
        protocol: "eager" | "cooperative" | "lost";
      }
    >
  | E<
      "offsetCommitted",
      { groupId: string; consumer: string; offsets: string; coordinator: number }
    >
  | E<"offsetCommitFailed", { groupId: string; consumer: string; error: string }>
  | E<
      "offsetReset",
      { groupId: string; consumer: string; partition: string; offset: number; reason: string }
    >
  | E<
      "recordsConsumed",
      { groupId: string; consumer: string; partition: string; firstOffset: number; count: number }
    >
  | E<
      "recordsRedelivered",
      {
        groupId: string;
        consumer: string;
        partition: string;
        firstOffset: number;
        count: number;
        cause: string;
      }
    >
  | E<"coordinatorMoved", { groupId: string; from: number; to: number; offsetsLoaded: number }>;

export type SimEvent =
  | E<"commandApplied", { command: string; summary: string }>
  | E<"commandRejected", { command: string; error: string; message: string }>
  | E<"brokerKilled", { broker: BrokerId }>
  | E<"brokerRestarted", { broker: BrokerId }>
  | E<"brokerShutDown", { broker: BrokerId }>
  | E<"brokerIsolated", { broker: BrokerId }>
  | E<"brokerHealed", { broker: BrokerId }>
  | E<"brokerSlowed", { broker: BrokerId; delayMs: number }>
  | E<"brokerAdded", { broker: BrokerId; rack: string | null }>
  | E<
      "brokerFenced",
      { broker: BrokerId; reason: "sessionTimeout" | "controlledShutdown" | "restarted" }
    >
  | E<"brokerUnfenced", { broker: BrokerId }>
  | E<"controllerElected", { broker: BrokerId; epoch: number }>
  | E<"controllerLost", { voters: BrokerId[]; alive: number }>
  | E<
      "topicCreated",
      { topic: string; partitions: number; replicationFactor: number; assignment: BrokerId[][] }
    >
  | E<"topicConfigChanged", { topic: string; changes: string }>
  | E<
      "leaderElected",
      {
        topic: string;
        partition: number;
        leader: BrokerId;
        previousLeader: BrokerId;
        leaderEpoch: number;
        election: ElectionKind;
        isr: BrokerId[];
      }
    >
  | E<
      "partitionOffline",
      {
        topic: string;
        partition: number;
        previousLeader: BrokerId;
        isr: BrokerId[];
        unclean: boolean;
      }
    >
  | E<
      "isrShrunk",
      {
        topic: string;
        partition: number;
        leader: BrokerId;
        removed: BrokerId[];
        isr: BrokerId[];
        reason: "lagging" | "fenced";
      }
    >
  | E<
      "isrExpanded",
      { topic: string; partition: number; leader: BrokerId; added: BrokerId[]; isr: BrokerId[] }
    >
  | E<
      "highWatermarkAdvanced",
      { topic: string; partition: number; broker: BrokerId; highWatermark: number }
    >
  | E<
      "batchAppended",
      {
        topic: string;
        partition: number;
        broker: BrokerId;
        producer: string;
        baseOffset: number;
        count: number;
        leaderEpoch: number;
      }
    >
  | E<
      "replicaFetched",
      {
        topic: string;
        partition: number;
        follower: BrokerId;
        leader: BrokerId;
        count: number;
        logEndOffset: number;
      }
    >
  | E<
      "recordsTruncated",
      {
        topic: string;
        partition: number;
        broker: BrokerId;
        truncatedTo: number;
        count: number;
        leader: BrokerId;
        leaderEpoch: number;
      }
    >
  | E<
      "duplicateDropped",
      {
        topic: string;
        partition: number;
        broker: BrokerId;
        producer: string;
        baseOffset: number;
        count: number;
      }
    >
  | E<
      "produceAcknowledged",
      { producer: string; topic: string; partition: number; baseOffset: number; count: number }
    >
  | E<
      "produceRetried",
      {
        producer: string;
        topic: string;
        partition: number;
        error: string;
        attempt: number;
        count: number;
      }
    >
  | E<
      "produceFailed",
      { producer: string; topic: string; partition: number; error: string; count: number }
    >
  | E<
      "duplicateWritten",
      { producer: string; topic: string; partition: number; offset: number; count: number }
    >
  | E<
      "recordsLost",
      { topic: string; partition: number; offsets: number[]; count: number; cause: string }
    >
  | E<
      "segmentsDeleted",
      {
        topic: string;
        partition: number;
        broker: BrokerId;
        segments: number;
        logStartOffset: number;
        reason: "retention.ms" | "retention.bytes";
      }
    >
  | E<
      "logCompacted",
      {
        topic: string;
        partition: number;
        broker: BrokerId;
        removed: number;
        tombstonesRemoved: number;
      }
    >
  | E<"segmentRolled", { topic: string; partition: number; broker: BrokerId; baseOffset: number }>
  | E<"simulationStalled", { events: number; message: string }>
  | GroupEvent;

export type SimEventType = SimEvent["type"];

/** High-frequency events, produced only when the caller asks for detail. */
export const DETAIL_EVENTS: ReadonlySet<SimEventType> = new Set<SimEventType>([
  "batchAppended",
  "replicaFetched",
  "highWatermarkAdvanced",
  "produceAcknowledged",
  "segmentRolled",
  "recordsConsumed",
]);
