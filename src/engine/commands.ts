// Everything that changes the world from outside is a command: plain data, stamped with its
// virtual time when applied, so a run (and a share link) is a script that replays exactly.

import type { BrokerId } from "./types.ts";
import type { Acks, ProducerConfig, TopicConfig } from "./config.ts";
import type { ConsumerConfig } from "./groupTypes.ts";
import type { AssignorName } from "./assignors/index.ts";

export interface BrokerSpec {
  id: BrokerId;
  rack?: string;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  config?: Partial<TopicConfig>;
  /** Explicit replica lists per partition (kafka-topics --replica-assignment). */
  replicaAssignment?: BrokerId[][];
}

export interface ProducerSpec {
  id: string;
  topic: string;
  ratePerSec: number;
  keys: string[] | null;
  keyDistribution?: "uniform" | "hot";
  config?: Partial<ProducerConfig>;
  valuePrefix?: string;
}

export interface ConsumerSpec {
  id: string;
  groupId: string;
  topics: string[];
  config?: Partial<ConsumerConfig>;
  /** Virtual time the application spends on each record; default 1. */
  processingMsPerRecord?: number;
}

/** kafka-consumer-groups --reset-offsets: --to-earliest, --to-latest, --to-offset, --to-datetime. */
export type ResetTarget =
  | { to: "earliest" }
  | { to: "latest" }
  | { to: "offset"; offset: number }
  | { to: "timestamp"; timestamp: number };

export type GroupCommand =
  | { type: "addConsumer"; consumer: ConsumerSpec }
  | { type: "removeConsumer"; consumer: string }
  | { type: "crashConsumer"; consumer: string }
  | { type: "restartConsumer"; consumer: string }
  | { type: "pauseConsumer"; consumer: string }
  | { type: "resumeConsumer"; consumer: string }
  | { type: "stallConsumer"; consumer: string }
  | { type: "setProcessingTime"; consumer: string; ms: number }
  /**
   * Restarts the consumer with a new partition.assignment.strategy: the Java client reads its
   * config once, so the change reaches the coordinator in the JoinGroup of the rejoin it causes.
   */
  | { type: "setAssignmentStrategy"; consumer: string; strategy: AssignorName[] }
  | ({ type: "resetOffsets"; groupId: string; topic?: string } & ResetTarget);

export type Command =
  | { type: "killBroker"; broker: BrokerId }
  | { type: "restartBroker"; broker: BrokerId }
  | { type: "shutdownBroker"; broker: BrokerId }
  | { type: "isolateBroker"; broker: BrokerId }
  | { type: "healBroker"; broker: BrokerId }
  | { type: "slowBroker"; broker: BrokerId; delayMs?: number }
  | { type: "addBroker"; broker?: BrokerId; rack?: string }
  | { type: "createTopic"; topic: TopicSpec }
  | { type: "setTopicConfig"; topic: string; config: Partial<TopicConfig> }
  | { type: "electPreferredLeaders"; topic?: string }
  | { type: "addProducer"; producer: ProducerSpec }
  | {
      type: "setProducer";
      producer: string;
      ratePerSec?: number;
      keys?: string[] | null;
      /** "hot": the first key takes most of the records (a skewed workload). */
      keyDistribution?: "uniform" | "hot";
      acks?: Acks;
      running?: boolean;
    }
  | {
      type: "produce";
      producer: string;
      key: string | null;
      value?: string | null;
      headers?: Record<string, string>;
      partition?: number;
      count?: number;
    }
  | GroupCommand;

export type CommandType = Command["type"];
