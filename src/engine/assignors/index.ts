// Kafka's four classic (client-side) consumer partition assignors, reproduced exactly, as pure
// functions over plain data. What the rest of the engine may use.

import { assignCooperative } from "./cooperativeSticky";
import { assignRange } from "./range";
import { assignRoundRobin } from "./roundRobin";
import { assignSticky } from "./sticky";
import type { AssignmentInput, AssignorName, MemberAssignment } from "./types";

export type { AssignmentInput, AssignmentMember, AssignorName, MemberAssignment } from "./types";
export { assignCooperative, type CooperativeAssignment } from "./cooperativeSticky";
export { assignRange } from "./range";
export { assignRoundRobin } from "./roundRobin";
export { assignSticky, runStickyAssignor, type StickyAssignorResult } from "./sticky";
export { compareMembers, sortMembers, type MemberIdentity } from "./memberOrder";
export { javaHashMapOrder } from "./javaHashMapOrder";

/** The default `partition.assignment.strategy`. */
export const DEFAULT_ASSIGNMENT_STRATEGY: readonly AssignorName[] = ["range", "cooperative-sticky"];

/**
 * Runs the named assignor. Every member appears in the result, possibly with no partitions. For
 * "cooperative-sticky" this is this round's assignment, without the partitions that are changing
 * owner (see assignCooperative for those and for what each member revokes).
 */
export function assignPartitions(strategy: AssignorName, input: AssignmentInput): MemberAssignment {
  switch (strategy) {
    case "range":
      return assignRange(input);
    case "roundrobin":
      return assignRoundRobin(input);
    case "sticky":
      return assignSticky(input);
    case "cooperative-sticky":
      return assignCooperative(input).assignment;
  }
}

/** ConsumerPartitionAssignor.supportedProtocols() of each assignor. */
const SUPPORTED_PROTOCOLS: {
  readonly [name in AssignorName]: readonly ("eager" | "cooperative")[];
} = {
  range: ["eager"],
  roundrobin: ["eager"],
  sticky: ["eager"],
  "cooperative-sticky": ["cooperative", "eager"],
};

/**
 * The rebalance protocol a consumer uses with these assignors (ConsumerCoordinator): the highest
 * one that every listed assignor supports. So the default `[range, cooperative-sticky]` is eager.
 * Kafka rejects an empty list; here it gives "eager", the protocol every assignor supports.
 */
export function rebalanceProtocolFor(strategies: readonly AssignorName[]): "eager" | "cooperative" {
  const allCooperative =
    strategies.length > 0 &&
    strategies.every((name) => SUPPORTED_PROTOCOLS[name].includes("cooperative"));
  return allCooperative ? "cooperative" : "eager";
}
