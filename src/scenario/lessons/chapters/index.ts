// The chapters, in teaching order.

import {
  consumerGroups,
  keysAndHashing,
  orderingPerPartition,
  recordsAndOffsets,
} from "./abstractions.ts";
import { compaction, idempotence, rebalancing, uncleanElection } from "./beyond.ts";
import { brokerRecovery, coordination, retentionAndReplay } from "./operations.ts";
import { retriesAndOrdering } from "./retries.ts";
import {
  acksAndMinIsr,
  costOfReplication,
  replicationAndIsr,
  withoutReplication,
} from "./faults.ts";
import { consumersAndPartitions, scalingWithPartitions } from "./scaling.ts";
import { pushVersusPull, queueAndPubSub, whatIsABroker, whyNotSync } from "./intro.ts";

export const CHAPTERS: readonly unknown[] = [
  whyNotSync,
  whatIsABroker,
  pushVersusPull,
  queueAndPubSub,
  recordsAndOffsets,
  orderingPerPartition,
  keysAndHashing,
  consumerGroups,
  scalingWithPartitions,
  consumersAndPartitions,
  withoutReplication,
  replicationAndIsr,
  acksAndMinIsr,
  costOfReplication,
  coordination,
  retentionAndReplay,
  brokerRecovery,
  rebalancing,
  idempotence,
  retriesAndOrdering,
  compaction,
  uncleanElection,
];
