// AbstractStickyAssignor's ConstrainedAssignmentBuilder: the fast path when every member
// subscribes to the same topics. With T partitions and N members, every member ends with
// minQuota = floor(T/N) or maxQuota = ceil(T/N), and exactly T % N of them with maxQuota.
// 1. Keep owned partitions, members in HashMap order, each member's claims sorted by (partition
//    number, topic) and stripped of multiply-claimed ones: fewer than minQuota -> keep all (member
//    is "under min"); at least maxQuota while max slots remain -> keep maxQuota; else keep
//    minQuota (and the member may still take one more while max slots remain).
// 2. Hand out the rest in (topic, partition) order, round-robin over the under-min members sorted
//    by id, then one each to the at-min members in id order.
// A partition handed out that some other member had to give up, or that was claimed twice, is
// "transferring ownership": the cooperative assignor withholds it for one rebalance.

import type { TopicPartition } from "./topicPartition";
import { comparePartitionThenTopic, partitionName, partitionsOf } from "./topicPartition";
import { compareJavaStrings } from "./memberOrder";

export interface ConstrainedResult {
  readonly assignment: Map<string, TopicPartition[]>;
  /** partitionsTransferringOwnership: partition name -> its new owner. */
  readonly partitionsTransferringOwnership: Map<string, string>;
}

export function constrainedAssign(
  partitionsPerTopic: ReadonlyMap<string, number>,
  consumerToOwnedPartitions: ReadonlyMap<string, readonly TopicPartition[]>,
  partitionsWithMultiplePreviousOwners: ReadonlySet<string>,
): ConstrainedResult {
  let totalPartitionsCount = 0;
  for (const count of partitionsPerTopic.values()) totalPartitionsCount += count;
  const numberOfConsumers = consumerToOwnedPartitions.size;
  const minQuota = Math.floor(totalPartitionsCount / numberOfConsumers);
  const maxQuota = Math.ceil(totalPartitionsCount / numberOfConsumers);
  const expectedNumMembersWithOverMinQuota = totalPartitionsCount % numberOfConsumers;
  let currentNumMembersWithOverMinQuota = 0;

  const assignment = new Map<string, TopicPartition[]>();
  const assigned = new Set<string>();
  const allRevokedPartitions = new Set<string>();
  const transferring = new Map<string, string>();
  const unfilledUnderMinQuota: string[] = [];
  let unfilledExactlyMinQuota: string[] = [];

  const keep = (consumer: string, partitions: readonly TopicPartition[]): void => {
    assignment.get(consumer)?.push(...partitions);
    for (const tp of partitions) assigned.add(partitionName(tp));
  };
  const revoke = (partitions: readonly TopicPartition[]): void => {
    for (const tp of partitions) allRevokedPartitions.add(partitionName(tp));
  };

  for (const [consumer, claims] of consumerToOwnedPartitions) {
    assignment.set(consumer, []);
    const owned = [...claims]
      .sort(comparePartitionThenTopic)
      .filter((tp) => !partitionsWithMultiplePreviousOwners.has(partitionName(tp)));
    if (owned.length < minQuota) {
      keep(consumer, owned);
      unfilledUnderMinQuota.push(consumer);
    } else if (
      owned.length >= maxQuota &&
      currentNumMembersWithOverMinQuota < expectedNumMembersWithOverMinQuota
    ) {
      currentNumMembersWithOverMinQuota++;
      // All max slots are taken: nobody at minQuota may grow any more.
      if (currentNumMembersWithOverMinQuota === expectedNumMembersWithOverMinQuota) {
        unfilledExactlyMinQuota = [];
      }
      keep(consumer, owned.slice(0, maxQuota));
      revoke(owned.slice(maxQuota));
    } else {
      keep(consumer, owned.slice(0, minQuota));
      revoke(owned.slice(minQuota));
      if (currentNumMembersWithOverMinQuota < expectedNumMembersWithOverMinQuota) {
        unfilledExactlyMinQuota.push(consumer);
      }
    }
  }

  const unassigned = [...partitionsPerTopic]
    .sort(([a], [b]) => compareJavaStrings(a, b))
    .flatMap(([topic, count]) => partitionsOf(topic, count))
    .filter((tp) => !assigned.has(partitionName(tp)));
  unfilledUnderMinQuota.sort(compareJavaStrings);
  unfilledExactlyMinQuota.sort(compareJavaStrings);

  // Kafka's assignRoundRobin: a LinkedList iterator over the under-min members that restarts at
  // the front when it runs out, with members removed through it once they reach minQuota.
  let next = 0;
  for (const tp of unassigned) {
    let consumer: string | undefined;
    if (next < unfilledUnderMinQuota.length) consumer = unfilledUnderMinQuota[next++];
    else if (unfilledUnderMinQuota.length === 0) consumer = unfilledExactlyMinQuota.shift();
    else {
      next = 0;
      consumer = unfilledUnderMinQuota[next++];
    }
    // Kafka throws IllegalStateException here; the quotas make it unreachable.
    if (consumer === undefined) throw new Error("No more unfilled consumers to be assigned.");

    const consumerAssignment = assignment.get(consumer) ?? [];
    consumerAssignment.push(tp);
    const name = partitionName(tp);
    if (allRevokedPartitions.has(name) || partitionsWithMultiplePreviousOwners.has(name)) {
      transferring.set(name, consumer);
    }
    if (consumerAssignment.length === minQuota) {
      unfilledUnderMinQuota.splice(--next, 1);
      unfilledExactlyMinQuota.push(consumer);
    } else if (consumerAssignment.length === maxQuota) {
      currentNumMembersWithOverMinQuota++;
    }
  }
  return { assignment, partitionsTransferringOwnership: transferring };
}
