// The assignors' public data shapes. Partitions are written `topic-N` (Kafka's
// TopicPartition.toString); topic names may contain '-', so the number follows the last '-'.

/** `partition.assignment.strategy` names, as Kafka's assignors report them in `name()`. */
export type AssignorName = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

export interface AssignmentMember {
  /** `member.id` (assigned by the coordinator). */
  id: string;
  /** Subscribed topics. */
  subscription: string[];
  /**
   * Partitions the member owned before this rebalance (`topic-N`). Sticky assignors only: the
   * cooperative one reads the ConsumerProtocol `ownedPartitions` field, the eager one the same
   * list from its userData.
   */
  ownedPartitions?: string[];
  /** The group generation in which it owned them; absent means Kafka's DEFAULT_GENERATION (-1). */
  generation?: number;
  /** `group.instance.id` of a static member (KIP-345). */
  groupInstanceId?: string;
}

export interface AssignmentInput {
  /** Partition count of every topic in the cluster metadata. */
  topics: { [name: string]: number };
  /**
   * The group's members, in the order the group leader put them in its subscriptions HashMap.
   * Range and round robin sort them; the sticky assignors follow Java HashMap order of the ids.
   */
  members: AssignmentMember[];
  /**
   * Sticky assignors only: Kafka keeps `maxGeneration` in the assignor object and it only grows
   * between calls on the same leader. Pass the previous call's `maxGeneration` to reproduce that;
   * omitted, each call starts fresh (-1), which matches Kafka whenever generations never go down
   * from one call to the next, as in a real group and in all of Kafka's tests.
   */
  previousMaxGeneration?: number;
}

/** Every member of the input, each with its partitions (possibly none). */
export interface MemberAssignment {
  [memberId: string]: string[];
}
