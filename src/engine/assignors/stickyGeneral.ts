// AbstractStickyAssignor's GeneralAssignmentBuilder (without racks): used when subscriptions
// differ. It keeps every still-valid owned partition, deals the unassigned ones (topics with the
// fewest subscribers first) each to the subscriber holding the fewest partitions, and then moves
// partitions one at a time until no member could take one from a member holding 2 more.
// If balancing moved something without improving the balance score, it reverts (except on the
// group's first assignment). Kafka's exact tie-breaks are kept: member id order among equal
// counts, and moves back along an earlier move of the same topic (stickyMovements.ts).

import type { Member } from "./assignmentInput";
import { compareJavaStrings } from "./memberOrder";
import {
  getTheActualPartitionToBeMoved,
  isSticky,
  movePartition,
  newPartitionMovements,
} from "./stickyMovements";
import {
  partitionName,
  partitionsOf,
  sameTopicPartition,
  type TopicPartition,
} from "./topicPartition";

export interface GeneralResult {
  readonly assignment: Map<string, TopicPartition[]>;
  readonly isSticky: boolean;
}

interface ConsumerGenerationPair {
  readonly consumer: string;
  readonly generation: number;
}

export function generalAssign(
  partitionsPerTopic: ReadonlyMap<string, number>,
  membersInHashOrder: readonly Member[],
  consumerToOwnedPartitions: ReadonlyMap<string, readonly TopicPartition[]>,
  maxGeneration: number,
): GeneralResult {
  const topic2AllPotentialConsumers = new Map<string, string[]>();
  for (const topic of partitionsPerTopic.keys()) topic2AllPotentialConsumers.set(topic, []);
  const consumer2AllPotentialTopics = new Map<string, string[]>();
  const currentAssignment = new Map<string, TopicPartition[]>();
  for (const [consumer, owned] of consumerToOwnedPartitions)
    currentAssignment.set(consumer, [...owned]);
  for (const member of membersInHashOrder) {
    const topics = member.topics.filter((topic) => partitionsPerTopic.has(topic));
    consumer2AllPotentialTopics.set(member.id, topics);
    for (const topic of topics) topic2AllPotentialConsumers.get(topic)?.push(member.id);
    if (!currentAssignment.has(member.id)) currentAssignment.set(member.id, []);
  }
  const currentPartitionConsumer = new Map<string, string>();
  for (const [consumer, tps] of currentAssignment) {
    for (const tp of tps) currentPartitionConsumer.set(partitionName(tp), consumer);
  }

  const consumerCount = (topic: string): number =>
    topic2AllPotentialConsumers.get(topic)?.length ?? 0;
  const partitionCount = (topic: string): number => partitionsPerTopic.get(topic) ?? 0;
  const subscribes = (consumer: string, topic: string): boolean =>
    consumer2AllPotentialTopics.get(consumer)?.includes(topic) ?? false;
  const sizeOf = (consumer: string): number => currentAssignment.get(consumer)?.length ?? 0;
  const maxAssignmentSize = (consumer: string): number =>
    (consumer2AllPotentialTopics.get(consumer) ?? []).reduce((n, t) => n + partitionCount(t), 0);

  // Topics with the fewest potential consumers first, then by name.
  const sortedAllTopics = [...topic2AllPotentialConsumers.keys()].sort(
    (a, b) => consumerCount(a) - consumerCount(b) || compareJavaStrings(a, b),
  );
  let sortedAllPartitions = sortedAllTopics.flatMap((t) => partitionsOf(t, partitionCount(t)));

  // sortedCurrentSubscriptions: Kafka's TreeSet ordered by (partition count, member id). Members
  // are always removed before their count changes and added back after.
  const sortedConsumers: string[] = [];
  const compareConsumers = (a: string, b: string): number =>
    sizeOf(a) - sizeOf(b) || compareJavaStrings(a, b);
  const addSorted = (consumer: string): void => {
    if (sortedConsumers.includes(consumer)) return;
    const at = sortedConsumers.findIndex((other) => compareConsumers(other, consumer) > 0);
    sortedConsumers.splice(at < 0 ? sortedConsumers.length : at, 0, consumer);
  };
  const removeSorted = (consumer: string): void => {
    const at = sortedConsumers.indexOf(consumer);
    if (at >= 0) sortedConsumers.splice(at, 1);
  };

  // The previous assignment: claims of members from older generations, the newest claim winning.
  const prevAssignment = new Map<string, ConsumerGenerationPair>();
  for (const member of membersInHashOrder) {
    // A missing generation counts as DEFAULT_GENERATION, below any known one.
    if (!(member.generation < maxGeneration)) continue;
    for (const tp of member.ownedPartitions) {
      const name = partitionName(tp);
      const prev = prevAssignment.get(name);
      if (prev === undefined || member.generation > prev.generation) {
        prevAssignment.set(name, { consumer: member.id, generation: member.generation });
      }
    }
  }
  const movements = newPartitionMovements();

  // Keep owned partitions the member still subscribes to; dropping any forces a revocation.
  let revocationRequired = false;
  const assigned = new Set<string>();
  for (const [consumer, tps] of currentAssignment) {
    const kept: TopicPartition[] = [];
    for (const tp of tps) {
      if (!topic2AllPotentialConsumers.has(tp.topic))
        currentPartitionConsumer.delete(partitionName(tp));
      else if (!subscribes(consumer, tp.topic)) revocationRequired = true;
      else {
        kept.push(tp);
        assigned.add(partitionName(tp));
      }
    }
    currentAssignment.set(consumer, kept);
  }
  let unassignedPartitions = sortedAllPartitions.filter((tp) => !assigned.has(partitionName(tp)));
  for (const consumer of currentAssignment.keys()) addSorted(consumer);

  const processPartitionMovement = (tp: TopicPartition, newConsumer: string): void => {
    const oldConsumer = currentPartitionConsumer.get(partitionName(tp));
    if (oldConsumer === undefined) return;
    removeSorted(oldConsumer);
    removeSorted(newConsumer);
    movePartition(movements, tp, oldConsumer, newConsumer);
    const from = currentAssignment.get(oldConsumer) ?? [];
    const at = from.findIndex((other) => sameTopicPartition(other, tp));
    if (at >= 0) from.splice(at, 1);
    currentAssignment.get(newConsumer)?.push(tp);
    currentPartitionConsumer.set(partitionName(tp), newConsumer);
    addSorted(newConsumer);
    addSorted(oldConsumer);
  };
  const reassignPartition = (tp: TopicPartition, newConsumer: string): void => {
    const consumer = currentPartitionConsumer.get(partitionName(tp)) ?? newConsumer;
    processPartitionMovement(
      getTheActualPartitionToBeMoved(movements, tp, consumer, newConsumer),
      newConsumer,
    );
  };
  const isBalanced = (): boolean => {
    const first = sortedConsumers[0];
    const last = sortedConsumers[sortedConsumers.length - 1];
    if (first === undefined || last === undefined || sizeOf(first) >= sizeOf(last) - 1) return true;
    const owners = new Map<string, string>();
    for (const [consumer, tps] of currentAssignment) {
      for (const tp of tps) owners.set(partitionName(tp), consumer);
    }
    // No member short of what it could hold may take a partition from one holding 2 or more extra.
    for (const consumer of sortedConsumers) {
      const count = sizeOf(consumer);
      if (count === maxAssignmentSize(consumer)) continue;
      const mine = new Set((currentAssignment.get(consumer) ?? []).map(partitionName));
      for (const topic of consumer2AllPotentialTopics.get(consumer) ?? []) {
        for (const tp of partitionsOf(topic, partitionCount(topic))) {
          const owner = owners.get(partitionName(tp));
          if (!mine.has(partitionName(tp)) && owner !== undefined && count + 1 < sizeOf(owner)) {
            return false;
          }
        }
      }
    }
    return true;
  };
  // Kafka repeats until a pass moves nothing, with no bound. A move can shift a partition other
  // than the one examined (stickyMovements.ts), so ending is not obvious; a simulator must never
  // hang, so we stop after a budget of moves far beyond what balancing ever uses.
  let movesLeft = 8 * (sortedAllPartitions.length + 1) * (sortedConsumers.length + 1);
  const performReassignments = (reassignablePartitions: readonly TopicPartition[]): boolean => {
    let reassignmentPerformed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of reassignablePartitions) {
        if (movesLeft <= 0 || isBalanced()) break;
        const consumer = currentPartitionConsumer.get(partitionName(tp));
        if (consumer === undefined) continue;
        const prev = prevAssignment.get(partitionName(tp));
        // Back to its previous owner if that one now holds 2 fewer. Kafka would also hand it to a
        // previous owner that no longer subscribes to the topic (an invalid assignment) or that
        // holds nothing movable (a NullPointerException); we skip such owners.
        if (
          prev !== undefined &&
          currentAssignment.has(prev.consumer) &&
          subscribes(prev.consumer, tp.topic) &&
          sizeOf(consumer) > sizeOf(prev.consumer) + 1
        ) {
          reassignPartition(tp, prev.consumer);
          movesLeft--;
          reassignmentPerformed = modified = true;
          continue;
        }
        const others = topic2AllPotentialConsumers.get(tp.topic) ?? [];
        if (others.some((o) => currentAssignment.has(o) && sizeOf(consumer) > sizeOf(o) + 1)) {
          // To the subscriber holding the fewest partitions (then lowest id).
          const newConsumer = sortedConsumers.find((c) => subscribes(c, tp.topic));
          if (newConsumer === undefined) continue;
          reassignPartition(tp, newConsumer);
          movesLeft--;
          reassignmentPerformed = modified = true;
        }
      }
    } while (modified);
    return reassignmentPerformed;
  };

  // balance()
  const largest = sortedConsumers[sortedConsumers.length - 1];
  const initializing = largest === undefined || sizeOf(largest) === 0;
  for (const tp of unassignedPartitions) {
    if (consumerCount(tp.topic) === 0) continue;
    const consumer = sortedConsumers.find((c) => subscribes(c, tp.topic));
    if (consumer === undefined) continue;
    removeSorted(consumer);
    currentAssignment.get(consumer)?.push(tp);
    currentPartitionConsumer.set(partitionName(tp), consumer);
    addSorted(consumer);
  }

  // Only topics with 2+ subscribers, and members that could still gain or lose, take part.
  const canTopicParticipate = (topic: string): boolean => consumerCount(topic) >= 2;
  sortedAllPartitions = sortedAllPartitions.filter((tp) => canTopicParticipate(tp.topic));
  unassignedPartitions = unassignedPartitions.filter((tp) => canTopicParticipate(tp.topic));
  const fixedAssignments = new Map<string, TopicPartition[]>();
  for (const consumer of consumer2AllPotentialTopics.keys()) {
    const current = currentAssignment.get(consumer) ?? [];
    const canParticipate =
      current.length < maxAssignmentSize(consumer) ||
      current.some((tp) => canTopicParticipate(tp.topic));
    if (!canParticipate) {
      removeSorted(consumer);
      fixedAssignments.set(consumer, current);
      currentAssignment.delete(consumer);
    }
  }

  const preBalanceAssignment = copyAssignment(currentAssignment);
  // Without forced revocations, first try to balance by moving only the newly assigned partitions.
  if (!revocationRequired) performReassignments(unassignedPartitions);
  const reassignmentPerformed = performReassignments(sortedAllPartitions);
  if (
    !initializing &&
    reassignmentPerformed &&
    balanceScore(currentAssignment) >= balanceScore(preBalanceAssignment)
  ) {
    currentAssignment.clear();
    // (Kafka also restores its partition -> owner index here; nothing reads it afterwards.)
    for (const [consumer, tps] of preBalanceAssignment) currentAssignment.set(consumer, tps);
  }
  for (const [consumer, tps] of fixedAssignments) currentAssignment.set(consumer, tps);

  return { assignment: currentAssignment, isSticky: isSticky(movements) };
}

function copyAssignment(
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, TopicPartition[]> {
  return new Map([...assignment].map(([consumer, tps]) => [consumer, [...tps]]));
}

/** Sum over member pairs of the difference in partition counts; 0 is perfectly balanced. */
function balanceScore(assignment: ReadonlyMap<string, readonly TopicPartition[]>): number {
  const sizes = [...assignment.values()].map((tps) => tps.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i + 1; j < sizes.length; j++) score += Math.abs((sizes[i] ?? 0) - (sizes[j] ?? 0));
  }
  return score;
}
