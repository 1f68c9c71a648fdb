// The shared core of Kafka's StickyAssignor ("sticky") and CooperativeStickyAssignor
// ("cooperative-sticky"): AbstractStickyAssignor.assignPartitions. Goals in order: a valid
// assignment, as balanced as possible, moving as few owned partitions as possible.
// Members are visited in the iteration order of Kafka's HashMap keyed by member id, filled in the
// order the members are given; that order breaks ties (which over-quota owner keeps its extra
// partition), so it is emulated (javaHashMapOrder.ts).

import { javaHashMapOrder } from "./javaHashMapOrder";
import { normalizeInput, toMemberAssignment, type Member } from "./assignmentInput";
import { constrainedAssign } from "./stickyConstrained";
import { generalAssign } from "./stickyGeneral";
import { cleanUpOwnership } from "./stickyOwnership";
import { compareJavaStrings } from "./memberOrder";
import type { TopicPartition } from "./topicPartition";
import type { AssignmentInput, MemberAssignment } from "./types";

export interface StickyCoreResult {
  /** Members in Java HashMap order. */
  readonly membersInHashOrder: readonly Member[];
  readonly assignment: Map<string, TopicPartition[]>;
  /** Set by the constrained algorithm (partition name -> new owner), null after the general one. */
  readonly partitionsTransferringOwnership: Map<string, string> | null;
  readonly maxGeneration: number;
  readonly isSticky: boolean;
  readonly algorithm: "constrained" | "general";
}

export function stickyCore(
  partitionsPerTopic: ReadonlyMap<string, number>,
  members: readonly Member[],
  previousMaxGeneration: number,
): StickyCoreResult {
  const byId = new Map(members.map((m) => [m.id, m]));
  const membersInHashOrder = javaHashMapOrder(members.map((m) => m.id)).flatMap((id) => {
    const member = byId.get(id);
    return member === undefined ? [] : [member];
  });
  const cleanup = cleanUpOwnership(partitionsPerTopic, membersInHashOrder, previousMaxGeneration);
  const { maxGeneration } = cleanup;
  if (membersInHashOrder.length === 0) {
    return {
      membersInHashOrder,
      assignment: new Map(),
      partitionsTransferringOwnership: new Map(),
      maxGeneration,
      isSticky: true,
      algorithm: "constrained",
    };
  }
  if (cleanup.isAllSubscriptionsEqual) {
    const result = constrainedAssign(
      partitionsPerTopic,
      cleanup.consumerToOwnedPartitions,
      cleanup.partitionsWithMultiplePreviousOwners,
    );
    return {
      membersInHashOrder,
      assignment: result.assignment,
      partitionsTransferringOwnership: result.partitionsTransferringOwnership,
      maxGeneration,
      // The constrained path records no movements.
      isSticky: true,
      algorithm: "constrained",
    };
  }
  const result = generalAssign(
    partitionsPerTopic,
    membersInHashOrder,
    cleanup.consumerToOwnedPartitions,
    maxGeneration,
  );
  return {
    membersInHashOrder,
    assignment: result.assignment,
    // Kafka sets this to null so the cooperative assignor computes it from the result.
    partitionsTransferringOwnership: null,
    maxGeneration,
    isSticky: result.isSticky,
    algorithm: "general",
  };
}

export interface StickyAssignorResult {
  /** What the eager StickyAssignor hands out. */
  readonly assignment: MemberAssignment;
  /**
   * Kafka's `partitionsTransferringOwnership` (partition -> new owner): computed by the
   * constrained algorithm, null after the general one (as in Kafka).
   */
  readonly partitionsTransferringOwnership: { [partition: string]: string } | null;
  /** Pass back as `previousMaxGeneration` to carry the assignor's state to the next call. */
  readonly maxGeneration: number;
  /** Kafka's isSticky(): no topic saw partitions move both ways between two members. */
  readonly isSticky: boolean;
  readonly algorithm: "constrained" | "general";
}

export function transferringToPlain(transferring: ReadonlyMap<string, string>): {
  [partition: string]: string;
} {
  return Object.fromEntries([...transferring].sort(([a], [b]) => compareJavaStrings(a, b)));
}

/** The sticky assignment with the assignor's side results. */
export function runStickyAssignor(input: AssignmentInput): StickyAssignorResult {
  const { partitionsPerTopic, members } = normalizeInput(input);
  const core = stickyCore(partitionsPerTopic, members, input.previousMaxGeneration ?? -1);
  return {
    assignment: toMemberAssignment(members, core.assignment),
    partitionsTransferringOwnership:
      core.partitionsTransferringOwnership === null
        ? null
        : transferringToPlain(core.partitionsTransferringOwnership),
    maxGeneration: core.maxGeneration,
    isSticky: core.isSticky,
    algorithm: core.algorithm,
  };
}

/** StickyAssignor ("sticky", eager protocol): the sticky result as it is. */
export function assignSticky(input: AssignmentInput): MemberAssignment {
  return runStickyAssignor(input).assignment;
}
