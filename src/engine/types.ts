// The engine's state: plain, JSON-safe data (no classes, Map or Set) so that it can be
// checkpointed with structuredClone, sent to a worker and written into golden traces.
// The engine advances it in place; everything outside the engine treats it as read-only.

import type { Command } from "./commands.ts";
import type { BrokerConfig, ProducerConfig, TopicConfig } from "./config.ts";
import type { StickyPartitionerState } from "./partitioner.ts";
import type { AuditState } from "./auditTypes.ts";
import type { FetchPartitionRequest, Message } from "./messages.ts";
import type { ConsumerState, GroupState } from "./groupTypes.ts";
import type { ConsumerTask, ConsumerFetchRequest } from "./consumerTasks.ts";
import type { Route } from "./intern.ts";

export type BrokerId = number;
/** Virtual milliseconds since the start of the run. */
export type VirtualMs = number;
/** `topic-partition`, as Kafka's tools write it. */
export type PartitionKey = string;

export interface LogRecord {
  readonly offset: number;
  readonly key: string | null;
  /** null is a tombstone on a compacted topic. */
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: VirtualMs;
  readonly leaderEpoch: number;
  /** -1 when the producer is not idempotent. */
  readonly producerId: number;
  /** The idempotent producer's epoch: a new epoch restarts the sequence at 0 (KIP-360). */
  readonly producerEpoch: number;
  readonly sequence: number;
  /** The producer's batch that carried it (batch boundaries for the idempotence state). */
  readonly batchId: number;
  /** Approximate size on disk, used by batch.size, segment.bytes and retention.bytes. */
  readonly bytes: number;
  /** Ground-truth identity of the send that created it (the auditor's handle). */
  readonly recordId: number;
  /**
   * A tombstone's delete horizon, set by the log cleaner when it first cleans it (KIP-534):
   * a later cleaning removes the tombstone once this time has passed.
   */
  readonly deleteHorizonMs?: VirtualMs;
}

export interface Segment {
  baseOffset: number;
  /**
   * The records in offset order, in chunks of at most RECORD_CHUNK (log.ts), none empty. Only
   * the last chunk of the active segment is ever appended to; every other chunk is never changed
   * once full, so checkpoints share them and a checkpoint costs little however long the log.
   */
  chunks: LogRecord[][];
  bytes: number;
  /** Append time of the first record: segment.ms counts from it. */
  createdAt: VirtualMs;
  maxTimestamp: VirtualMs;
}

export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export interface ProducerBatchEntry {
  producerEpoch: number;
  firstSeq: number;
  lastSeq: number;
  firstOffset: number;
}

export interface FollowerView {
  /** The follower's LEO as the leader knows it: its last fetch offset. */
  logEndOffset: number;
  lastCaughtUpTime: VirtualMs;
  lastFetchTime: VirtualMs;
  /** Leader's LEO when the follower last fetched (Kafka's lastFetchLeaderLogEndOffset). */
  lastFetchLeaderLogEndOffset: number;
}

export interface ReplicaState {
  brokerId: BrokerId;
  segments: Segment[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** Leader epoch cache: where each epoch's records start in this log. */
  epochs: EpochEntry[];
  /** What this broker believes about the partition (it may be stale while isolated). */
  role: "leader" | "follower" | "none";
  knownLeader: BrokerId;
  knownLeaderEpoch: number;
  /** Leader only: ISR as this leader last had it committed by the controller. */
  followers: Record<string, FollowerView>;
  /** The ISR as this broker last learned it from the controller (a zombie leader's view is stale). */
  knownIsr: BrokerId[];
  /** Leader only: an AlterPartition request is in flight (Kafka allows one at a time). */
  pendingIsr: BrokerId[] | null;
  /** Idempotent producer state by producerKey(producer id): the last five batches (KIP-98). */
  producers: Record<string, ProducerBatchEntry[]>;
  lastCleanedOffset: number;
}

export interface PartitionState {
  topic: string;
  partition: number;
  /** Assignment order; replicas[0] is the preferred leader. */
  replicas: BrokerId[];
  /** The controller's committed metadata. -1 = offline (no leader). */
  leader: BrokerId;
  leaderEpoch: number;
  isr: BrokerId[];
  /** How the current leader was chosen (the auditor explains losses with it). */
  lastElection: "initial" | "clean" | "unclean" | "preferred" | "controlledShutdown";
  replicaStates: Record<string, ReplicaState>;
}

export interface TopicState {
  name: string;
  config: TopicConfig;
  partitions: PartitionState[];
  createdAt: VirtualMs;
  internal: boolean;
}

export type BrokerStatus = "online" | "offline" | "shuttingDown";

export interface BrokerState {
  id: BrokerId;
  rack: string | null;
  status: BrokerStatus;
  /** Network-partitioned from the other brokers and controllers (clients still reach it). */
  isolated: boolean;
  /** Fenced by the controller: not eligible as leader or ISR member. */
  fenced: boolean;
  /** Extra delay before each replica fetch (slowBroker). */
  fetchDelayMs: number;
  /** Incarnation counter: bumps on every restart, so stale messages to a dead life are dropped. */
  incarnation: number;
  /** Whether it is a KRaft controller quorum voter (combined mode). */
  voter: boolean;
  /** The broker's fetcher to each leader broker: is a fetch request outstanding? */
  fetching: Record<string, boolean>;
  lastHeartbeatAt: VirtualMs;
  /** The partitions it hosts a replica of (an index, so per-broker work does not scan every partition). */
  hosted: { topic: string; partition: number }[];
  /**
   * The partitions it follows, per leader: derived from its replicas' roles, rebuilt after any
   * role change (null until then), so a fetch does not scan every hosted partition.
   */
  followed: Record<string, { topic: string; partition: number }[]> | null;
  /** Missed metadata while down or cut off: it catches up on its next successful heartbeat. */
  needsMetadata: boolean;
}

export interface ControllerState {
  /** Broker id of the active controller, or -1 while the quorum has no leader. */
  active: BrokerId;
  /** Raft epoch of the quorum. */
  epoch: number;
  voters: BrokerId[];
  electionPending: boolean;
}

export interface PendingBatch {
  batchId: number;
  topic: string;
  partition: number;
  records: PendingRecord[];
  bytes: number;
  createdAt: VirtualMs;
  /** Set when the batch has been drained into a request at least once. */
  attempts: number;
  baseSequence: number;
  /** The producer epoch its sequence numbers belong to (-1 until it has them). */
  producerEpoch: number;
  inFlight: boolean;
  /** While in flight: the broker it was sent to and the produce request that carries it. */
  node: BrokerId;
  requestId: number;
  /** When its current request was sent (-1 before the first). */
  sentAt: VirtualMs;
  /** Next time the batch may be sent again (retry.backoff.ms). */
  retryAt: VirtualMs;
  /** While in flight: when the request times out (or the batch expires, if sooner). */
  requestDeadline: VirtualMs;
}

export interface PendingRecord {
  recordId: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  timestamp: VirtualMs;
  bytes: number;
}

export type KeyDistribution = "uniform" | "hot";

export interface ProducerState {
  id: string;
  topic: string;
  config: ProducerConfig;
  ratePerSec: number;
  /** null = records without a key. */
  keys: string[] | null;
  keyDistribution: KeyDistribution;
  valuePrefix: string;
  running: boolean;
  /** Idempotent producer id (-1 if not idempotent). */
  producerId: number;
  /** enable.idempotence as the producer's config gave it (null: not set, Kafka's default). */
  idempotenceAsked: boolean | null;
  /** When the producer last learned the partitions' leaders (metadata.max.age.ms counts from it). */
  metadataRefreshedAt: VirtualMs;
  producerEpoch: number;
  /** Next sequence number per partition. */
  nextSequence: Record<string, number>;
  /**
   * The producer epoch each partition's sequence numbers belong to; -1 while the partition
   * waits to restart its sequences after an epoch bump (KIP-360).
   */
  sequenceEpochs: Record<string, number>;
  batches: PendingBatch[];
  /** The producer's metadata cache: the leader it believes for each partition. */
  leaderCache: Record<string, BrokerId>;
  sticky: StickyPartitionerState;
  roundRobinCounter: number;
  nextBatchId: number;
  /** Produce requests are numbered per producer (one request per broker carries its batches). */
  nextRequestId: number;
  nextRecordNumber: number;
  /** When the sender is next due to run (-1: not scheduled). */
  sendScheduledAt: VirtualMs;
  /**
   * When the rate generator next ticks (-1: no tick pending). A sender pass due at that same
   * moment runs inside the tick instead of as a task of its own.
   */
  nextTickAt: VirtualMs;
  /** Fractional records owed by the rate generator. */
  rateCarry: number;
  sent: number;
  acknowledged: number;
  failed: number;
  errors: Record<string, number>;
}

export interface Transfer {
  id: number;
  kind: "produce" | "ack" | "error" | "replicate" | "fetch" | "consume" | "commit";
  from: string;
  to: string;
  sentAt: VirtualMs;
  arrivesAt: VirtualMs;
  topic: string;
  partition: number;
  /** Records carried (keys for colouring and a count). */
  keys: (string | null)[];
  firstOffset: number;
  label: string;
}

export interface ScheduledEvent {
  at: VirtualMs;
  seq: number;
  task: Task;
}

export type Task =
  | { kind: "command"; command: Command }
  /** transferCount transfers with ids from transferId on show the message (0: none). */
  | { kind: "deliver"; message: Message; transferId: number; transferCount: number; route: Route }
  | { kind: "heartbeat"; broker: BrokerId; incarnation: number }
  | { kind: "sessionCheck"; broker: BrokerId; heartbeatAt: VirtualMs }
  | { kind: "controllerElection" }
  | { kind: "isrCheck"; broker: BrokerId; incarnation: number }
  | { kind: "fetchTimeout"; leader: BrokerId; follower: BrokerId }
  | { kind: "sendFetch"; follower: BrokerId; leader: BrokerId; incarnation: number }
  | { kind: "produceTimeout"; broker: BrokerId }
  | { kind: "connectionClosed"; producer: string; requestId: number }
  | { kind: "producerTick"; producer: string }
  | { kind: "producerSend"; producer: string }
  | { kind: "requestTimeout"; producer: string }
  | { kind: "retentionCheck" }
  | { kind: "preferredLeaderCheck" }
  | ConsumerTask;

export interface ParkedFetch {
  parkId: number;
  follower: BrokerId;
  followerIncarnation: number;
  leader: BrokerId;
  requests: FetchPartitionRequest[];
  expiresAt: VirtualMs;
}

/** One batch of a produce request waiting in the leader's purgatory (DelayedProduce). */
export interface ParkedProducePart {
  batchId: number;
  attempt: number;
  topic: string;
  partition: number;
  /** The HW must reach this offset (last offset + 1) for success. */
  requiredOffset: number;
  baseOffset: number;
  leaderEpoch: number;
  keys: (string | null)[];
  /** Still waiting for the HW; false once it has its answer (error or success). */
  pending: boolean;
  error: string | null;
  duplicate: boolean;
}

/** A produce request at acks=all waiting until every partition's answer is known. */
export interface ParkedProduce {
  parkId: number;
  broker: BrokerId;
  producer: string;
  requestId: number;
  expiresAt: VirtualMs;
  parts: ParkedProducePart[];
}

export interface SimState {
  version: 1;
  name: string;
  seed: number;
  time: VirtualMs;
  seq: number;
  queue: ScheduledEvent[];
  rng: Record<string, number>;
  config: BrokerConfig;
  brokers: Record<string, BrokerState>;
  controller: ControllerState;
  topics: Record<string, TopicState>;
  producers: Record<string, ProducerState>;
  transfers: Transfer[];
  /** At most one parked fetch per (leader, follower) pair, keyed `leader>follower`. */
  parkedFetches: Record<string, ParkedFetch>;
  parkedProduces: ParkedProduce[];
  /** Per directed link: its latency and last delivery time, so each connection stays FIFO like TCP. */
  links: Record<string, { latency: number; lastArrival: VirtualMs }>;
  /** Pending keyed timers (context.ts armTimer): when each fires next. */
  timers: Record<string, VirtualMs>;
  nextId: number;
  nextProducerId: number;
  audit: AuditState;
  /** Consumer groups, as their coordinators hold them. */
  groups: Record<string, GroupState>;
  /** Consumer clients, by id. */
  consumers: Record<string, ConsumerState>;
  /** Consumer fetches long-polling at a leader, keyed `broker>consumer` (woken by the HW). */
  parkedConsumerFetches: Record<string, ConsumerFetchRequest>;
  /** Index of those by partition: `broker>topic>partition` to the consumers waiting there. */
  consumerFetchWaiters: Record<string, Record<string, true>>;
  /** Every command applied, stamped with its virtual time (the run's script). */
  commandLog: { at: VirtualMs; command: Command }[];
}
