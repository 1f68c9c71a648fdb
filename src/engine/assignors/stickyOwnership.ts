// Step one of AbstractStickyAssignor.assignPartitions (its `allSubscriptionsEqual`): decide
// between the constrained and the general algorithm, and clean up what members say they owned.
// Members are visited in Java HashMap order. For each claimed partition of a topic still in play:
// - no earlier claimant: the member keeps the claim;
// - an earlier claimant of the same generation: nobody keeps it; it is remembered as claimed by
//   multiple owners (a partition two members think they own must be revoked by both first);
// - an earlier claimant of a lower generation: this member takes it over;
// - an earlier claimant of a higher generation: this claim is ignored.

import { DEFAULT_GENERATION, type Member } from "./assignmentInput";
import { partitionName, sameTopicPartition, type TopicPartition } from "./topicPartition";

export interface OwnershipCleanup {
  /** Every member subscribes to the same set of topics: Kafka's "constrained" case. */
  readonly isAllSubscriptionsEqual: boolean;
  /** Each member's surviving claims, members in the order given. */
  readonly consumerToOwnedPartitions: Map<string, TopicPartition[]>;
  /** Names (`topic-N`) of partitions claimed by two members of the same generation. */
  readonly partitionsWithMultiplePreviousOwners: Set<string>;
  /** The highest generation seen, including the assignor's previous maximum. */
  readonly maxGeneration: number;
}

function sameTopics(a: readonly string[], b: ReadonlySet<string>): boolean {
  return a.length === b.size && a.every((topic) => b.has(topic));
}

export function cleanUpOwnership(
  partitionsPerTopic: ReadonlyMap<string, number>,
  membersInHashOrder: readonly Member[],
  previousMaxGeneration: number,
): OwnershipCleanup {
  const generationOf = new Map(membersInHashOrder.map((m) => [m.id, m.generation]));
  const consumerToOwnedPartitions = new Map<string, TopicPartition[]>();
  const partitionsWithMultiplePreviousOwners = new Set<string>();
  const previousOwner = new Map<string, string>();
  let maxGeneration = Math.max(previousMaxGeneration, DEFAULT_GENERATION);
  let isAllSubscriptionsEqual = true;
  // Kafka takes the first non-empty subscription as the reference, so a member with no topics
  // seen first would let a later subscriber's topics be handed to it by the constrained path. We
  // take the first member's subscription, empty or not: then that case falls to the general path.
  let reference: ReadonlySet<string> | undefined;

  const dropClaim = (consumer: string, tp: TopicPartition): void => {
    const owned = consumerToOwnedPartitions.get(consumer);
    const index = owned?.findIndex((other) => sameTopicPartition(other, tp)) ?? -1;
    if (owned !== undefined && index >= 0) owned.splice(index, 1);
  };

  for (const member of membersInHashOrder) {
    if (reference === undefined) reference = new Set(member.topics);
    else if (isAllSubscriptionsEqual && !sameTopics(member.topics, reference)) {
      isAllSubscriptionsEqual = false;
    }
    maxGeneration = Math.max(maxGeneration, member.generation);

    const owned: TopicPartition[] = [];
    consumerToOwnedPartitions.set(member.id, owned);
    for (const tp of member.ownedPartitions) {
      if (!partitionsPerTopic.has(tp.topic)) continue;
      const name = partitionName(tp);
      const other = previousOwner.get(name);
      if (other === undefined) {
        owned.push(tp);
        previousOwner.set(name, member.id);
        continue;
      }
      const otherGeneration = generationOf.get(other) ?? DEFAULT_GENERATION;
      if (member.generation === otherGeneration) {
        partitionsWithMultiplePreviousOwners.add(name);
        dropClaim(other, tp);
        previousOwner.set(name, member.id);
      } else if (member.generation > otherGeneration) {
        owned.push(tp);
        dropClaim(other, tp);
        previousOwner.set(name, member.id);
      }
    }
  }
  return {
    isAllSubscriptionsEqual,
    consumerToOwnedPartitions,
    partitionsWithMultiplePreviousOwners,
    maxGeneration,
  };
}
