// Turns an AssignmentInput into what Kafka's assignors actually see, and results back into plain
// data. Kafka's AbstractPartitionAssignor.assign passes on only the topics some member subscribes
// to that exist in metadata with at least one partition; we do the same.

import type { AssignmentInput, MemberAssignment } from "./types";
import {
  compareTopicThenPartition,
  parsePartitionName,
  partitionName,
  type TopicPartition,
} from "./topicPartition";
import { compareJavaStrings } from "./memberOrder";

/** Kafka's AbstractStickyAssignor.DEFAULT_GENERATION: "no generation known". */
export const DEFAULT_GENERATION = -1;

export interface Member {
  readonly id: string;
  /** The subscription, without repeats, in the given order. */
  readonly topics: readonly string[];
  /** Parsed, without repeats; partitions beyond a known topic's count are dropped. */
  readonly ownedPartitions: readonly TopicPartition[];
  /** DEFAULT_GENERATION when absent or negative (a Subscription keeps no negative generation). */
  readonly generation: number;
  readonly groupInstanceId: string | undefined;
}

export interface NormalizedInput {
  /** Subscribed topics that exist with at least one partition, in topic-name order. */
  readonly partitionsPerTopic: ReadonlyMap<string, number>;
  /** Members in input order; a repeated id keeps its first place and its last data (Map.put). */
  readonly members: readonly Member[];
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function partitionCount(topics: AssignmentInput["topics"], topic: string): number {
  if (!Object.hasOwn(topics, topic)) return 0;
  const count = topics[topic];
  return typeof count === "number" && Number.isInteger(count) && count > 0 ? count : 0;
}

export function normalizeInput(input: AssignmentInput): NormalizedInput {
  const byId = new Map<string, AssignmentInput["members"][number]>();
  for (const member of input.members) byId.set(member.id, member);

  const subscribed = new Set<string>();
  for (const member of byId.values())
    for (const topic of member.subscription) subscribed.add(topic);
  const partitionsPerTopic = new Map<string, number>();
  for (const topic of [...subscribed].sort(compareJavaStrings)) {
    const count = partitionCount(input.topics, topic);
    if (count > 0) partitionsPerTopic.set(topic, count);
  }

  const members = [...byId.values()].map((member): Member => {
    const owned = (member.ownedPartitions ?? [])
      .map(parsePartitionName)
      .filter((tp): tp is TopicPartition => tp !== undefined)
      // Kafka never sees a partition number beyond the topic's count (counts only grow); such a
      // claim would derail its sorted-list difference, so it is dropped here.
      .filter((tp) => {
        const count = partitionsPerTopic.get(tp.topic);
        return count === undefined || tp.partition < count;
      });
    const generation = member.generation;
    return {
      id: member.id,
      topics: unique(member.subscription, (topic) => topic),
      ownedPartitions: unique(owned, partitionName),
      generation:
        generation !== undefined && Number.isInteger(generation) && generation >= 0
          ? generation
          : DEFAULT_GENERATION,
      groupInstanceId: member.groupInstanceId,
    };
  });
  return { partitionsPerTopic, members };
}

/** Every member, in input order, with its partitions as `topic-N`. */
export function toMemberAssignment(
  members: readonly Member[],
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
  sort = false,
): MemberAssignment {
  return Object.fromEntries(
    members.map((member) => {
      const partitions = [...(assignment.get(member.id) ?? [])];
      if (sort) partitions.sort(compareTopicThenPartition);
      return [member.id, partitions.map(partitionName)];
    }),
  );
}
