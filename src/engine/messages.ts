// Requests and responses on the simulated network. A message is delivered after the link's
// latency, and dropped if its receiver is down, restarted since, or cut off by a partition.

import type { BrokerId, LogRecord, PendingRecord } from "./types.ts";
import type { Acks } from "./config.ts";
import type { ConsumerMessageBody } from "./consumerTasks.ts";

export interface FetchPartitionRequest {
  topic: string;
  partition: number;
  fetchOffset: number;
  /** Epoch of the last record the follower has (KIP-320/KIP-595 divergence check). */
  lastFetchedEpoch: number;
  currentLeaderEpoch: number;
}

export interface FetchPartitionResponse {
  topic: string;
  partition: number;
  records: LogRecord[];
  highWatermark: number;
  logStartOffset: number;
  /** Present when the follower's log diverged: truncate to this epoch's end offset. */
  divergingEpoch: { epoch: number; endOffset: number } | null;
  error: "NotLeaderOrFollower" | "FencedLeaderEpoch" | "OffsetOutOfRange" | null;
}

export interface ProduceBatchRequest {
  batchId: number;
  attempt: number;
  topic: string;
  partition: number;
  producerEpoch: number;
  baseSequence: number;
  records: PendingRecord[];
}

export interface ProduceBatchResult {
  batchId: number;
  attempt: number;
  topic: string;
  partition: number;
  error: string | null;
  baseOffset: number;
  /** The idempotence check recognised a retry of a batch already in the log. */
  duplicate: boolean;
  /** The leader epoch the records were written in (-1 on error). */
  leaderEpoch: number;
}

export type MessageBody =
  | {
      kind: "produceRequest";
      producer: string;
      /** The producer's request number: its answer names it. */
      requestId: number;
      acks: Acks;
      producerId: number;
      timeoutMs: number;
      /** One batch per partition led by the receiving broker (RecordAccumulator.drain). */
      batches: ProduceBatchRequest[];
    }
  | {
      kind: "produceResponse";
      producer: string;
      requestId: number;
      broker: BrokerId;
      results: ProduceBatchResult[];
    }
  | {
      kind: "fetchRequest";
      follower: BrokerId;
      /** The follower's incarnation that sent it: the answer goes back to that life only. */
      followerIncarnation: number;
      leader: BrokerId;
      partitions: FetchPartitionRequest[];
    }
  | {
      kind: "fetchResponse";
      follower: BrokerId;
      followerIncarnation: number;
      leader: BrokerId;
      /** The request this answers: the follower's next request reuses its unchanged entries. */
      requests: readonly FetchPartitionRequest[];
      partitions: FetchPartitionResponse[];
    }
  | {
      kind: "alterPartition";
      broker: BrokerId;
      topic: string;
      partition: number;
      leaderEpoch: number;
      newIsr: BrokerId[];
    }
  | {
      kind: "partitionChange";
      topic: string;
      partition: number;
      leader: BrokerId;
      leaderEpoch: number;
      isr: BrokerId[];
    }
  | ConsumerMessageBody;

export interface Message {
  from: string;
  to: string;
  /** The receiving broker's incarnation when sent: a restart drops what was meant for its old life. */
  toIncarnation: number;
  body: MessageBody;
}

const BROKER_PARTIES: string[] = [];
export const brokerParty = (id: BrokerId): string =>
  id >= 0 && id < 4096 ? (BROKER_PARTIES[id] ??= `broker:${id}`) : `broker:${id}`;
const PRODUCER_PARTIES = new Map<string, string>();
export const producerParty = (id: string): string => {
  let party = PRODUCER_PARTIES.get(id);
  if (party === undefined) PRODUCER_PARTIES.set(id, (party = `producer:${id}`));
  return party;
};
export const CONTROLLER_PARTY = "controller";
