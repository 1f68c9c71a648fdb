// Kafka's RangeAssignor ("range"), without its rack-aware variant (used only when consumers set
// `client.rack`). Per topic, independently: the topic's subscribers in member order each take a
// consecutive range of floor(P/C) partitions, and the first P % C of them one more. Because the
// same members come first for every topic, the extras pile up on them; in exchange, partition i of
// topics with equal counts and equal subscribers goes to the same member (co-partitioning).

import { normalizeInput, toMemberAssignment } from "./assignmentInput";
import { sortMembers } from "./memberOrder";
import { partitionsOf, type TopicPartition } from "./topicPartition";
import type { AssignmentInput, MemberAssignment } from "./types";

export function assignRange(input: AssignmentInput): MemberAssignment {
  const { partitionsPerTopic, members } = normalizeInput(input);
  const assignment = new Map<string, TopicPartition[]>(members.map((m) => [m.id, []]));

  for (const [topic, numPartitions] of partitionsPerTopic) {
    const consumers = sortMembers(members.filter((m) => m.topics.includes(topic)));
    const perConsumer = Math.floor(numPartitions / consumers.length);
    const withExtra = numPartitions % consumers.length;
    const partitions = partitionsOf(topic, numPartitions);
    consumers.forEach((consumer, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i < withExtra ? 1 : 0);
      assignment.get(consumer.id)?.push(...partitions.slice(start, start + length));
    });
  }
  // Kafka's per-member list follows its HashMap order of topics; its tests compare sets. We list
  // each member's partitions by topic name, then number.
  return toMemberAssignment(members, assignment, true);
}
