// AbstractStickyAssignor.PartitionMovements: during the general algorithm's balancing, every move
// is recorded per topic as a (from -> to) pair of members. Before moving a partition of topic T
// from A to B, Kafka looks for a partition of T that already moved from B to A in this rebalance
// and moves that one back instead, so no topic ever shows moves both ways between two members
// (the "stickiness" its tests check with isSticky()).
//
// "That one" is the first element of a java.util.HashSet<TopicPartition>, so which partition comes
// back depends on HashSet iteration order; it is emulated with TopicPartition.hashCode.

import {
  javaHashKeys,
  javaHashPut,
  javaHashRemove,
  newJavaHashTable,
  type JavaHashTable,
} from "./javaHashMapOrder";
import { partitionName, topicPartitionHashCode, type TopicPartition } from "./topicPartition";

interface ConsumerPair {
  readonly src: string;
  readonly dst: string;
}

interface PairMovements {
  readonly pair: ConsumerPair;
  readonly partitions: JavaHashTable<TopicPartition>;
}

export interface PartitionMovements {
  /** partition name -> the move from its owner before balancing to its current owner */
  readonly byPartition: Map<string, ConsumerPair>;
  /** topic -> pair key -> the partitions of that topic that moved along that pair */
  readonly byTopic: Map<string, Map<string, PairMovements>>;
}

const pairKey = (src: string, dst: string): string => JSON.stringify([src, dst]);

export function newPartitionMovements(): PartitionMovements {
  return { byPartition: new Map(), byTopic: new Map() };
}

function removeMovementRecordOfPartition(
  movements: PartitionMovements,
  tp: TopicPartition,
): ConsumerPair | undefined {
  const name = partitionName(tp);
  const pair = movements.byPartition.get(name);
  if (pair === undefined) return undefined;
  movements.byPartition.delete(name);
  const forTopic = movements.byTopic.get(tp.topic);
  const key = pairKey(pair.src, pair.dst);
  const forPair = forTopic?.get(key);
  if (forTopic === undefined || forPair === undefined) return pair;
  javaHashRemove(forPair.partitions, name, topicPartitionHashCode(tp));
  if (forPair.partitions.size === 0) forTopic.delete(key);
  if (forTopic.size === 0) movements.byTopic.delete(tp.topic);
  return pair;
}

function addPartitionMovementRecord(
  movements: PartitionMovements,
  tp: TopicPartition,
  pair: ConsumerPair,
): void {
  movements.byPartition.set(partitionName(tp), pair);
  let forTopic = movements.byTopic.get(tp.topic);
  if (forTopic === undefined) {
    forTopic = new Map();
    movements.byTopic.set(tp.topic, forTopic);
  }
  const key = pairKey(pair.src, pair.dst);
  let forPair = forTopic.get(key);
  if (forPair === undefined) {
    forPair = { pair, partitions: newJavaHashTable<TopicPartition>() };
    forTopic.set(key, forPair);
  }
  javaHashPut(forPair.partitions, partitionName(tp), tp, topicPartitionHashCode(tp));
}

/** Records a move; a partition that moves back to where it started is no longer "moved". */
export function movePartition(
  movements: PartitionMovements,
  tp: TopicPartition,
  oldConsumer: string,
  newConsumer: string,
): void {
  const existing = removeMovementRecordOfPartition(movements, tp);
  if (existing === undefined) {
    addPartitionMovementRecord(movements, tp, { src: oldConsumer, dst: newConsumer });
  } else if (existing.src !== newConsumer) {
    addPartitionMovementRecord(movements, tp, { src: existing.src, dst: newConsumer });
  }
}

/** getTheActualPartitionToBeMoved: `tp`, or a partition of its topic to move back instead. */
export function getTheActualPartitionToBeMoved(
  movements: PartitionMovements,
  tp: TopicPartition,
  oldConsumer: string,
  newConsumer: string,
): TopicPartition {
  const forTopic = movements.byTopic.get(tp.topic);
  if (forTopic === undefined) return tp;
  // A partition that already moved counts as moving from where it started.
  const from = movements.byPartition.get(partitionName(tp))?.src ?? oldConsumer;
  const reverse = forTopic.get(pairKey(newConsumer, from));
  if (reverse === undefined) return tp;
  return javaHashKeys(reverse.partitions)[0] ?? tp;
}

/** isSticky(): no topic has partitions that moved both A -> B and B -> A. */
export function isSticky(movements: PartitionMovements): boolean {
  for (const forTopic of movements.byTopic.values()) {
    for (const { pair } of forTopic.values()) {
      if (forTopic.has(pairKey(pair.dst, pair.src))) return false;
    }
  }
  return true;
}
