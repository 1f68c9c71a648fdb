// Kafka's RoundRobinAssignor ("roundrobin"). All subscribed partitions, topics in name order and
// partitions in number order, are dealt to the members in member order by one cursor that wraps
// around and skips members not subscribed to the partition's topic. The cursor is not reset
// between topics. Equal subscriptions give counts within one of each other; unequal ones can be
// badly unbalanced (the class javadoc's example).

import { normalizeInput, toMemberAssignment } from "./assignmentInput";
import { sortMembers } from "./memberOrder";
import { partitionsOf, type TopicPartition } from "./topicPartition";
import type { AssignmentInput, MemberAssignment } from "./types";

export function assignRoundRobin(input: AssignmentInput): MemberAssignment {
  const { partitionsPerTopic, members } = normalizeInput(input);
  const assignment = new Map<string, TopicPartition[]>(members.map((m) => [m.id, []]));
  const sorted = sortMembers(members);

  let cursor = 0;
  // partitionsPerTopic is already in topic-name order (Kafka's TreeSet of subscribed topics).
  for (const [topic, numPartitions] of partitionsPerTopic) {
    for (const tp of partitionsOf(topic, numPartitions)) {
      // Some member subscribes to every topic here, so this stops within one lap.
      while (!sorted[cursor]?.topics.includes(topic)) cursor = (cursor + 1) % sorted.length;
      const member = sorted[cursor];
      if (member !== undefined) assignment.get(member.id)?.push(tp);
      cursor = (cursor + 1) % sorted.length;
    }
  }
  return toMemberAssignment(members, assignment);
}
