// The consumer half's state: consumers (the client side of the poll loop) and consumer groups
// (the coordinator's side). Plain, JSON-safe data like the rest of SimState.

import type { AssignorName } from "./assignors/index.ts";
import type { ConsumerFetchPartition } from "./consumerTasks.ts";
import type { BrokerId, VirtualMs } from "./types.ts";

export type AutoOffsetReset = "earliest" | "latest" | "none";

export interface ConsumerConfig {
  /** partition.assignment.strategy */
  partitionAssignmentStrategy: AssignorName[];
  /** auto.offset.reset */
  autoOffsetReset: AutoOffsetReset;
  /** enable.auto.commit */
  enableAutoCommit: boolean;
  /** auto.commit.interval.ms */
  autoCommitIntervalMs: number;
  /** session.timeout.ms */
  sessionTimeoutMs: number;
  /** heartbeat.interval.ms */
  heartbeatIntervalMs: number;
  /** max.poll.interval.ms (also the rebalance timeout the member sends in JoinGroup) */
  maxPollIntervalMs: number;
  /** max.poll.records */
  maxPollRecords: number;
  /** fetch.max.wait.ms */
  fetchMaxWaitMs: number;
  /** fetch.min.bytes */
  fetchMinBytes: number;
  /** group.instance.id: null for a dynamic member */
  groupInstanceId: string | null;
  /** Not a Kafka config: how the application commits when enable.auto.commit is false. */
  commitMode: "sync" | "async";
}

export const DEFAULT_CONSUMER_CONFIG: ConsumerConfig = {
  partitionAssignmentStrategy: ["range", "cooperative-sticky"],
  autoOffsetReset: "latest",
  enableAutoCommit: true,
  autoCommitIntervalMs: 5000,
  sessionTimeoutMs: 45000,
  heartbeatIntervalMs: 3000,
  maxPollIntervalMs: 300000,
  maxPollRecords: 500,
  fetchMaxWaitMs: 500,
  fetchMinBytes: 1,
  groupInstanceId: null,
  commitMode: "sync",
};

export type ConsumerStatus = "running" | "paused" | "stalled" | "crashed" | "closed";
/** The member states a student can see (the client's view of its membership). */
export type MemberState = "unjoined" | "joining" | "awaitingSync" | "stable";
export type GroupStateName =
  "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

export interface ConsumerState {
  id: string;
  groupId: string;
  topics: string[];
  config: ConsumerConfig;
  processingMsPerRecord: number;
  status: ConsumerStatus;
  /** Bumps on crash and restart: tasks and responses of an older life are ignored. */
  incarnation: number;
  /** member.id given by the coordinator ("" until the first JoinGroup answers). */
  memberId: string;
  memberState: MemberState;
  generation: number;
  /** Partitions this process owns now (`topic-N`). */
  assignment: string[];
  /** Next offset to read, per owned partition. */
  positions: Record<string, number>;
  /** Partitions with no valid position and auto.offset.reset=none: not fetched. */
  errors: Record<string, string>;
  phase: "idle" | "fetching" | "processing" | "committing";
  pollId: number;
  fetchesInFlight: number;
  /** What this poll's fetches returned so far, with the HW each leader had at fetch time. */
  inbox: ConsumerFetchPartition[];
  lastPollAt: VirtualMs;
  nextAutoCommitAt: VirtualMs;
  /** The coordinator asked it to rejoin (REBALANCE_IN_PROGRESS, or a cooperative follow-up). */
  rejoinNeeded: boolean;
  consumed: number;
  commitId: number;
  /** onJoinPrepare's synchronous commit is done: revoke and join on this poll. */
  rejoinCommitted: boolean;
  /** A closing consumer leaves the group once this commit answers (-1: none). */
  closingCommitId: number;
}

export interface GroupMember {
  memberId: string;
  consumer: string;
  instanceId: string | null;
  subscription: string[];
  strategies: AssignorName[];
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  lastHeartbeat: VirtualMs;
  /** Has sent JoinGroup in the current rebalance. */
  joined: boolean;
  /** Partitions reported as owned in its JoinGroup (cooperative and sticky). */
  owned: string[];
  ownedGeneration: number;
  /** What the last SyncGroup gave it. */
  assignment: string[];
}

export interface PendingCommit {
  commitId: number;
  consumer: string;
  incarnation: number;
  broker: BrokerId;
  requiredOffset: number;
  offsets: Record<string, number>;
  expiresAt: VirtualMs;
}

export interface RedeliveryExample {
  topic: string;
  partition: number;
  firstOffset: number;
  lastOffset: number;
  consumer: string;
  cause: string;
  time: VirtualMs;
}

export interface LagSample {
  time: VirtualMs;
  lag: number;
}

export interface GroupState {
  groupId: string;
  state: GroupStateName;
  generation: number;
  protocol: "eager" | "cooperative";
  assignor: AssignorName | null;
  leader: string | null;
  members: Record<string, GroupMember>;
  /** Join order of member ids (Kafka keeps members in insertion order). */
  memberOrder: string[];
  coordinator: BrokerId;
  /** The last live coordinator before the current one (-1: none), for coordinatorMoved. */
  previousCoordinator: BrokerId;
  offsetsPartition: number;
  committed: Record<string, number>;
  pendingCommits: PendingCommit[];
  commitCheckScheduled: boolean;
  lastLagSampleAt: VirtualMs;
  rebalanceReason: string;
  rebalanceDeadline: VirtualMs;
  initialDelayUntil: VirtualMs;
  syncAt: VirtualMs;
  pendingAssignment: Record<string, string[]> | null;
  nextMemberNumber: number;
  lag: LagSample[];
  /** Per partition: one past the highest offset ever delivered to this group. */
  deliveredUpTo: Record<string, number>;
  /** Per partition: why the next owner may see records again (set when an owner loses it). */
  redeliveryCause: Record<string, string>;
  redelivered: { count: number; examples: RedeliveryExample[] };
  /** Records a member received at or above the HW of their fetch (must stay 0). */
  aboveHighWatermark: number;
}
