// Kafka's TopicPartition, as plain data, and its `topic-N` name (TopicPartition.toString).

import { javaStringHashCode } from "../consumerOffsetsPartition";
import { compareJavaStrings } from "./memberOrder";

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** `topic-N`, as Kafka prints a TopicPartition. */
export function partitionName(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/**
 * Reads `topic-N`. Topic names may themselves contain '-', so the number is what follows the
 * last '-'. Returns undefined for anything that is not a topic name and a partition number.
 */
export function parsePartitionName(name: string): TopicPartition | undefined {
  const dash = name.lastIndexOf("-");
  if (dash <= 0) return undefined;
  const digits = name.slice(dash + 1);
  if (!/^\d+$/.test(digits)) return undefined;
  const partition = Number(digits);
  if (!Number.isSafeInteger(partition) || partition > 2147483647) return undefined;
  return { topic: name.slice(0, dash), partition };
}

export function sameTopicPartition(a: TopicPartition, b: TopicPartition): boolean {
  return a.topic === b.topic && a.partition === b.partition;
}

/** Topic name (Java `String.compareTo`), then partition number. */
export function compareTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  return compareJavaStrings(a.topic, b.topic) || a.partition - b.partition;
}

/** Partition number, then topic name: the order the sticky assignor keeps owned partitions in. */
export function comparePartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareJavaStrings(a.topic, b.topic);
}

/** TopicPartition.hashCode: `31 * (31 + partition) + topic.hashCode()`, in int32. */
export function topicPartitionHashCode(tp: TopicPartition): number {
  return (Math.imul(31, (31 + tp.partition) | 0) + javaStringHashCode(tp.topic)) | 0;
}

/** Partitions `0 .. count-1` of a topic. */
export function partitionsOf(topic: string, count: number): TopicPartition[] {
  return Array.from({ length: count }, (_, partition) => ({ topic, partition }));
}
