// What a lesson's steps may refer to: the topics, producers, groups and brokers of its
// scenario, including those its timeline creates, so that a typo in a step is caught when the
// lesson is read, not when a student is stuck on a step that can never complete.

import type { Scenario } from "../schema.ts";

export interface LessonWorld {
  brokers: number[];
  /** Topic name to partition count. */
  topics: Record<string, number>;
  producers: string[];
  groups: string[];
  /** Consumers that exist at some point: the groups' members and those added by the timeline. */
  consumers: string[];
}

export function worldOf(s: Scenario): LessonWorld {
  const topics: Record<string, number> = {};
  for (const t of s.topics) topics[t.name] = t.partitions;
  const producers = s.producers.map((p) => p.id);
  const brokers = s.brokers.map((b) => b.id);
  const consumers = s.consumerGroups.flatMap((g) =>
    Array.from({ length: g.members }, (_, i) => `${g.groupId}-${i + 1}`),
  );
  for (const e of s.timeline) {
    if (e.do === "createTopic") topics[e.topic.name] = e.topic.partitions;
    else if (e.do === "addProducer") producers.push(e.producer.id);
    else if (e.do === "addBroker" && e.broker !== undefined) brokers.push(e.broker);
    else if (e.do === "addConsumer") consumers.push(e.consumer);
  }
  return { brokers, topics, producers, groups: s.consumerGroups.map((g) => g.groupId), consumers };
}
