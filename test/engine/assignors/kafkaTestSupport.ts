// Ports of the helpers in Kafka's assignor tests (AbstractStickyAssignorTest,
// CooperativeStickyAssignorTest), so the ported test cases read like the originals.

import { expect } from "vitest";
import {
  assignCooperative,
  runStickyAssignor,
  type AssignmentInput,
  type AssignmentMember,
  type MemberAssignment,
} from "../../../src/engine/assignors";

export const tp = (topic: string, partition: number): string => `${topic}-${partition}`;

/** Kafka's tests use generationId = 1 for "the current generation". */
export const GENERATION_ID = 1;
export const DEFAULT_GENERATION = -1;

const topicOf = (partition: string): string => partition.slice(0, partition.lastIndexOf("-"));

/** Members in `put` order, as a Java HashMap fills: a key put again keeps its place. */
export function putMember(members: AssignmentMember[], member: AssignmentMember): void {
  const at = members.findIndex((m) => m.id === member.id);
  if (at >= 0) members[at] = member;
  else members.push(member);
}

export function removeMember(members: AssignmentMember[], id: string): void {
  const at = members.findIndex((m) => m.id === id);
  if (at >= 0) members.splice(at, 1);
}

/** AbstractStickyAssignorTest.isFullyBalanced: member counts differ by at most one. */
export function isFullyBalanced(assignment: MemberAssignment): boolean {
  const sizes = Object.values(assignment).map((partitions) => partitions.length);
  return sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1;
}

/**
 * AbstractStickyAssignorTest.verifyValidityAndBalance: every member appears; members get only
 * topics they subscribe to; no partition goes to two members; and two members whose counts
 * differ by 2 or more share no topic (else the assignor could have balanced them).
 */
export function verifyValidityAndBalance(
  members: readonly AssignmentMember[],
  assignment: MemberAssignment,
): void {
  expect(Object.keys(assignment).sort()).toEqual(members.map((m) => m.id).sort());
  const consumers = Object.keys(assignment).sort();
  for (let i = 0; i < consumers.length; i++) {
    const consumer = consumers[i] ?? "";
    const partitions = assignment[consumer] ?? [];
    const subscription = members.find((m) => m.id === consumer)?.subscription ?? [];
    for (const partition of partitions) expect(subscription).toContain(topicOf(partition));
    for (let j = i + 1; j < consumers.length; j++) {
      const otherPartitions = assignment[consumers[j] ?? ""] ?? [];
      expect(partitions.filter((p) => otherPartitions.includes(p))).toEqual([]);
      if (Math.abs(partitions.length - otherPartitions.length) <= 1) continue;
      const otherTopics = new Set(otherPartitions.map(topicOf));
      expect(partitions.map(topicOf).filter((t) => otherTopics.has(t))).toEqual([]);
    }
  }
}

/**
 * CooperativeStickyAssignorTest.verifyCooperativeValidity: no partition is newly given to one
 * member in the same round another member revokes it. Returns whether anything is revoked (so a
 * follow-up rebalance is due).
 */
export function verifyCooperativeValidity(
  members: readonly AssignmentMember[],
  assignment: MemberAssignment,
): boolean {
  const added = new Set<string>();
  const revoked = new Set<string>();
  for (const member of members) {
    const owned = member.ownedPartitions ?? [];
    const assigned = assignment[member.id] ?? [];
    for (const p of assigned) if (!owned.includes(p)) added.add(p);
    for (const p of owned) if (!assigned.includes(p)) revoked.add(p);
  }
  expect([...added].filter((p) => revoked.has(p))).toEqual([]);
  return revoked.size > 0;
}

export type StickyAssignorName = "sticky" | "cooperative-sticky";

export interface StickyRound {
  /** What the assignor returned (for cooperative-sticky: without transferring partitions). */
  readonly assignment: MemberAssignment;
  /** AbstractStickyAssignor.partitionsTransferringOwnership (null after the general path). */
  readonly partitionsTransferringOwnership: { [partition: string]: string } | null;
  readonly isSticky: boolean;
}

/**
 * One assignor object and its subscriptions map, as in a Kafka test method: the assignor's
 * maxGeneration carries over between calls.
 */
export class StickyGroup {
  readonly members: AssignmentMember[] = [];
  private maxGeneration = DEFAULT_GENERATION;

  constructor(
    readonly assignor: StickyAssignorName,
    public topics: { [topic: string]: number },
  ) {}

  /** `subscription(topics)`: no owned partitions, no generation. */
  subscribe(id: string, subscription: string[]): void {
    putMember(this.members, { id, subscription });
  }

  /** `buildSubscriptionV2Above(topics, partitions, generation)`. */
  subscribeOwning(id: string, subscription: string[], owned: string[], generation: number): void {
    putMember(this.members, { id, subscription, ownedPartitions: owned, generation });
  }

  remove(id: string): void {
    removeMember(this.members, id);
  }

  private input(): AssignmentInput {
    return {
      topics: this.topics,
      members: this.members.map((m) => ({ ...m })),
      previousMaxGeneration: this.maxGeneration,
    };
  }

  /** `assignor.assignPartitions(partitionsPerTopic, subscriptions)`. */
  assign(): StickyRound {
    const core = runStickyAssignor(this.input());
    if (this.assignor === "sticky") {
      this.maxGeneration = core.maxGeneration;
      return core;
    }
    const cooperative = assignCooperative(this.input());
    this.maxGeneration = cooperative.maxGeneration;
    return { ...core, assignment: cooperative.assignment };
  }

  /**
   * verifyValidityAndBalance as each Kafka test class runs it. For cooperative-sticky, first the
   * follow-up rebalances (members now own what they got, generation 1) until nobody revokes;
   * Kafka allows at most 4. Returns the final assignment (Kafka's test mutates its map in place).
   */
  verifyValidityAndBalance(assignment: MemberAssignment): MemberAssignment {
    let current = assignment;
    if (this.assignor === "cooperative-sticky") {
      let rebalances = 0;
      while (verifyCooperativeValidity(this.members, current)) {
        for (const member of [...this.members]) {
          this.subscribeOwning(
            member.id,
            member.subscription,
            current[member.id] ?? [],
            GENERATION_ID,
          );
        }
        current = this.assign().assignment;
        rebalances++;
        expect(rebalances).toBeLessThanOrEqual(4);
      }
    }
    verifyValidityAndBalance(this.members, current);
    return current;
  }
}

/** The lists of Kafka's verifyRackAssignment: each member's partitions, sorted, joined by ", ". */
export function toSortedStrings(
  assignment: MemberAssignment,
  consumers: readonly string[],
): string[] {
  return consumers.map((c) => [...(assignment[c] ?? [])].sort().join(", "));
}

export const ownedFromStrings = (s: string): string[] => (s === "" ? [] : s.split(", "));

/** mulberry32: a small seeded generator, standing in for the java.util.Random of Kafka's tests. */
export function seededRandom(seed: number): (bound: number) => number {
  let s = seed | 0;
  return (bound: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound);
  };
}

/** AbstractStickyAssignorTest.getCanonicalName: `c07`, `t15`, zero-padded to maxNum's width. */
export function canonicalName(prefix: string, i: number, maxNum: number): string {
  return prefix + String(i).padStart(String(maxNum).length, "0");
}
