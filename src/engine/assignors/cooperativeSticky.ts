// Kafka's CooperativeStickyAssignor ("cooperative-sticky", KIP-429): the sticky assignment minus
// every partition that is changing owner. Such a partition is only revoked this round: its old
// owner gives it up (onPartitionsRevoked) and rejoins at once, and the follow-up rebalance, seeing
// it unowned, hands it to its new owner. Partitions that stay put are never revoked, so nothing
// else stops.

import { normalizeInput, toMemberAssignment } from "./assignmentInput";
import { stickyCore, transferringToPlain } from "./sticky";
import {
  compareTopicThenPartition,
  parsePartitionName,
  partitionName,
  type TopicPartition,
} from "./topicPartition";
import type { AssignmentInput, MemberAssignment } from "./types";

export interface CooperativeAssignment {
  /** What each member gets this round (possibly nothing). */
  readonly assignment: MemberAssignment;
  /** For each member, the partitions it owned and must now revoke (possibly none). */
  readonly revoked: MemberAssignment;
  /** Partitions changing owner, left unassigned until the follow-up rebalance. */
  readonly withheld: string[];
  /** Partition -> the member it will go to (Kafka's partitionsTransferringOwnership). */
  readonly partitionsTransferringOwnership: { [partition: string]: string };
  /** Pass back as `previousMaxGeneration` to carry the assignor's state to the next call. */
  readonly maxGeneration: number;
}

/**
 * computePartitionsTransferringOwnership, for the general path: partitions newly given to one
 * member that another member (per its own ownedPartitions) has to give up.
 */
function computePartitionsTransferringOwnership(
  ownedByMember: ReadonlyMap<string, readonly TopicPartition[]>,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, string> {
  const allAddedPartitions = new Map<string, string>();
  const allRevokedPartitions = new Set<string>();
  for (const [consumer, assigned] of assignment) {
    const owned = new Set((ownedByMember.get(consumer) ?? []).map(partitionName));
    const assignedNames = new Set(assigned.map(partitionName));
    for (const name of assignedNames) if (!owned.has(name)) allAddedPartitions.set(name, consumer);
    for (const name of owned) if (!assignedNames.has(name)) allRevokedPartitions.add(name);
  }
  for (const name of allAddedPartitions.keys()) {
    if (!allRevokedPartitions.has(name)) allAddedPartitions.delete(name);
  }
  return allAddedPartitions;
}

export function assignCooperative(input: AssignmentInput): CooperativeAssignment {
  const { partitionsPerTopic, members } = normalizeInput(input);
  const core = stickyCore(partitionsPerTopic, members, input.previousMaxGeneration ?? -1);
  const ownedByMember = new Map(members.map((m) => [m.id, m.ownedPartitions]));
  const transferring =
    core.partitionsTransferringOwnership ??
    computePartitionsTransferringOwnership(ownedByMember, core.assignment);

  // adjustAssignment: the new owner does not get a transferring partition yet.
  const assignment = new Map(
    [...core.assignment].map(([consumer, tps]) => [
      consumer,
      tps.filter((tp) => transferring.get(partitionName(tp)) !== consumer),
    ]),
  );
  const revoked = new Map(
    members.map((member) => {
      const kept = new Set((assignment.get(member.id) ?? []).map(partitionName));
      return [member.id, member.ownedPartitions.filter((tp) => !kept.has(partitionName(tp)))];
    }),
  );
  const withheld = [...transferring.keys()]
    .map(parsePartitionName)
    .filter((tp): tp is TopicPartition => tp !== undefined)
    .sort(compareTopicThenPartition)
    .map(partitionName);

  return {
    assignment: toMemberAssignment(members, assignment),
    revoked: toMemberAssignment(members, revoked),
    withheld,
    partitionsTransferringOwnership: transferringToPlain(transferring),
    maxGeneration: core.maxGeneration,
  };
}
