// The timed tasks and network messages of the consumer half (kept apart so that types.ts and
// messages.ts only gain one union member each).

import { joinKey } from "./intern.ts";
import type { LogRecord } from "./types.ts";

export type ConsumerTask =
  | { kind: "consumerPoll"; consumer: string; incarnation: number }
  | { kind: "consumerHeartbeat"; consumer: string; incarnation: number }
  | { kind: "consumerPollTimeout"; consumer: string; incarnation: number; pollId: number }
  | { kind: "consumerProcessed"; consumer: string; incarnation: number; pollId: number }
  | { kind: "consumerCommitTimeout"; consumer: string; incarnation: number; commitId: number }
  | { kind: "consumerFetchWait"; broker: number; consumer: string }
  | { kind: "groupTick"; groupId: string }
  | { kind: "offsetCommitCheck"; groupId: string };

export interface ConsumerFetchRequest {
  kind: "consumerFetch";
  consumer: string;
  incarnation: number;
  pollId: number;
  leader: number;
  partitions: { topic: string; partition: number; offset: number }[];
  maxRecords: number;
  /** When a long-polling fetch with no data answers anyway (fetch.max.wait.ms). */
  deadline: number;
}

export interface ConsumerFetchPartition {
  topic: string;
  partition: number;
  fetchOffset: number;
  records: LogRecord[];
  highWatermark: number;
  logStartOffset: number;
  error: "NotLeaderOrFollower" | "OffsetOutOfRange" | null;
}

export type ConsumerMessageBody =
  | ConsumerFetchRequest
  | {
      kind: "consumerFetchResponse";
      consumer: string;
      incarnation: number;
      pollId: number;
      partitions: ConsumerFetchPartition[];
    }
  | {
      kind: "offsetCommit";
      groupId: string;
      consumer: string;
      incarnation: number;
      memberId: string;
      generation: number;
      commitId: number;
      offsets: Record<string, number>;
    }
  | {
      kind: "offsetCommitResponse";
      groupId: string;
      consumer: string;
      incarnation: number;
      commitId: number;
      offsets: Record<string, number>;
      error: string | null;
    };

export const consumerParty = (id: string): string => joinKey("consumer", ":", id);
