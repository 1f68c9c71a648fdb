// Shared set-ups for the consumer-group rule tests: a small cluster, one topic, fast timeouts.

import type { ConsumerConfig, ConsumerSpec } from "../../../src/engine/index.ts";
import { SimDriver, type DriverSpec } from "../../helpers/SimDriver.ts";

export const FAST_CONSUMER: Partial<ConsumerConfig> = {
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 1000,
  autoOffsetReset: "earliest",
};

export function consumer(
  id: string,
  groupId: string,
  config: Partial<ConsumerConfig> = {},
  topics: string[] = ["orders"],
  processingMsPerRecord = 1,
): ConsumerSpec {
  return { id, groupId, topics, config: { ...FAST_CONSUMER, ...config }, processingMsPerRecord };
}

/** Three brokers, topic orders with `partitions` partitions, producer p (manual sends). */
export function groupSim(
  partitions: number,
  consumers: ConsumerSpec[],
  extra: Partial<DriverSpec> = {},
): SimDriver {
  return SimDriver.create({
    brokers: 3,
    config: { offsetsTopicNumPartitions: 5, groupInitialRebalanceDelayMs: 0 },
    topics: [{ name: "orders", partitions }],
    producers: [{ id: "p", topic: "orders" }],
    consumers,
    ...extra,
  });
}

/** Produces `count` records to every partition. */
export function fill(sim: SimDriver, partitions: number, count: number): SimDriver {
  for (let i = 0; i < partitions; i++) sim.produce("p", `k${i}`, { count, partition: i });
  return sim;
}
