// Invariants of the four assignors over random groups: random topics (some names with '-', some
// with no partitions), members, subscriptions (some to topics that do not exist), and prior
// ownerships with random generations, including partitions claimed by several members.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignCooperative,
  assignPartitions,
  runStickyAssignor,
  type AssignmentInput,
  type AssignmentMember,
  type AssignorName,
  type MemberAssignment,
} from "../../../src/engine/assignors";
import {
  isFullyBalanced,
  verifyCooperativeValidity,
  verifyValidityAndBalance,
} from "./kafkaTestSupport";

const TOPIC_NAMES = ["orders", "orders-eu", "payments", "t-1", "audit"];
const MEMBER_IDS = ["consumer1", "consumer2", "consumer3", "consumer10", "c-a", "c-b", "static-x"];

const topicsArb = fc
  .subarray(TOPIC_NAMES, { minLength: 1 })
  .chain((names) =>
    fc
      .tuple(...names.map(() => fc.integer({ min: 0, max: 6 })))
      .map((counts) => Object.fromEntries(names.map((n, i) => [n, counts[i] ?? 0]))),
  );

const topicOf = (partition: string): string => partition.slice(0, partition.lastIndexOf("-"));

const allPartitions = (topics: AssignmentInput["topics"]): string[] =>
  Object.entries(topics).flatMap(([t, n]) => Array.from({ length: n }, (_, p) => `${t}-${p}`));

/** A group over `topics`; `sameSubscription` makes every member subscribe to the same topics. */
function groupArb(sameSubscription: boolean): fc.Arbitrary<AssignmentInput> {
  return topicsArb.chain((topics) => {
    const pool = [...Object.keys(topics), "missing-topic"];
    const partitions = [...allPartitions(topics), "orders-99", "gone-0"];
    const memberArb = (id: string, subscription?: string[]): fc.Arbitrary<AssignmentMember> =>
      fc
        .record({
          subscription: subscription === undefined ? fc.subarray(pool) : fc.constant(subscription),
          ownedPartitions: fc.subarray(partitions),
          generation: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          groupInstanceId: fc.option(fc.constantFrom("x", "y", "z"), { nil: undefined }),
        })
        .map(({ generation, groupInstanceId, ...rest }) => ({
          id,
          ...rest,
          ...(generation === undefined ? {} : { generation }),
          ...(groupInstanceId === undefined ? {} : { groupInstanceId }),
        }));
    return fc
      .tuple(
        fc.shuffledSubarray(MEMBER_IDS, { minLength: 1, maxLength: 6 }),
        fc.subarray(pool, { minLength: 1 }),
      )
      .chain(([ids, shared]) =>
        fc.tuple(...ids.map((id) => memberArb(id, sameSubscription ? shared : undefined))),
      )
      .map((members) => ({ topics, members }));
  });
}

const anyGroup = fc.oneof(groupArb(false), groupArb(true));
const STRATEGIES: AssignorName[] = ["range", "roundrobin", "sticky", "cooperative-sticky"];

/** Every partition of a subscribed, existing topic. */
function subscribedPartitions(input: AssignmentInput): string[] {
  const subscribed = new Set(input.members.flatMap((m) => m.subscription));
  return allPartitions(input.topics).filter((p) => subscribed.has(topicOf(p)));
}

/** The follow-up rebalances of the cooperative protocol, until nobody has anything to revoke. */
function runCooperativeToCompletion(
  input: AssignmentInput,
  maxRounds: number,
): {
  assignment: MemberAssignment;
  members: AssignmentMember[];
  rounds: number;
} {
  let members = input.members;
  let result = assignCooperative(input);
  let rounds = 1;
  while (Object.values(result.revoked).some((r) => r.length > 0) && rounds < maxRounds) {
    members = members.map((m) => ({
      ...m,
      ownedPartitions: result.assignment[m.id] ?? [],
      generation: 10 + rounds,
    }));
    result = assignCooperative({ ...input, members, previousMaxGeneration: result.maxGeneration });
    rounds++;
  }
  return { assignment: result.assignment, members, rounds };
}

describe("assignor invariants", () => {
  it("every member appears, and every subscribed partition goes to exactly one subscriber", () => {
    fc.assert(
      fc.property(anyGroup, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        const assignment = assignPartitions(strategy, input);
        expect(Object.keys(assignment)).toEqual(input.members.map((m) => m.id));
        const given = Object.values(assignment).flat();
        expect(new Set(given).size).toBe(given.length);
        for (const member of input.members) {
          for (const p of assignment[member.id] ?? []) {
            expect(member.subscription).toContain(topicOf(p));
          }
        }
        // Cooperative-sticky holds back the partitions changing owner, and only those.
        const withheld = strategy === "cooperative-sticky" ? assignCooperative(input).withheld : [];
        expect([...given, ...withheld].sort()).toEqual(subscribedPartitions(input).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("is a pure function of its input", () => {
    fc.assert(
      fc.property(anyGroup, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        const before = JSON.stringify(input);
        const first = assignPartitions(strategy, input);
        expect(JSON.stringify(input)).toBe(before);
        expect(assignPartitions(strategy, structuredClone(input))).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it("with equal subscriptions, round robin and sticky counts differ by at most one", () => {
    fc.assert(
      fc.property(
        groupArb(true),
        fc.constantFrom<AssignorName>("roundrobin", "sticky"),
        (input, strategy) => {
          expect(isFullyBalanced(assignPartitions(strategy, input))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("range balances each topic within one among its subscribers", () => {
    fc.assert(
      fc.property(anyGroup, (input) => {
        const assignment = assignPartitions("range", input);
        for (const topic of Object.keys(input.topics)) {
          const counts = input.members
            .filter((m) => m.subscription.includes(topic))
            .map((m) => (assignment[m.id] ?? []).filter((p) => topicOf(p) === topic).length);
          if (counts.length > 0)
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("sticky keeps every survivor's partitions when a member leaves (equal subscriptions)", () => {
    fc.assert(
      fc.property(groupArb(true), fc.nat(), (input, pick) => {
        const fresh = input.members.map((m) => ({ id: m.id, subscription: m.subscription }));
        const before = assignPartitions("sticky", { topics: input.topics, members: fresh });
        const leaver = fresh[pick % fresh.length]?.id;
        const survivors = fresh
          .filter((m) => m.id !== leaver)
          .map((m) => ({ ...m, ownedPartitions: before[m.id] ?? [], generation: 1 }));
        const after = assignPartitions("sticky", { topics: input.topics, members: survivors });
        for (const m of survivors)
          expect(after[m.id]).toEqual(expect.arrayContaining(before[m.id] ?? []));
      }),
      { numRuns: 200 },
    );
  });

  it("sticky never moves partitions of a topic both ways between two members (isSticky)", () => {
    fc.assert(
      fc.property(groupArb(false), fc.nat(), (input, pick) => {
        const fresh = input.members.map((m) => ({ id: m.id, subscription: m.subscription }));
        const before = assignPartitions("sticky", { topics: input.topics, members: fresh });
        const leaver = fresh[pick % fresh.length]?.id;
        const survivors = fresh
          .filter((m) => m.id !== leaver)
          .map((m) => ({ ...m, ownedPartitions: before[m.id] ?? [], generation: 1 }));
        const after = runStickyAssignor({ topics: input.topics, members: survivors });
        expect(after.isSticky).toBe(true);
        verifyValidityAndBalance(survivors, after.assignment);
      }),
      { numRuns: 200 },
    );
  });

  it("cooperative-sticky never gives a partition to a new owner in the round it is revoked", () => {
    fc.assert(
      fc.property(anyGroup, (input) => {
        const { assignment } = assignCooperative(input);
        verifyCooperativeValidity(input.members, assignment);
      }),
      { numRuns: 300 },
    );
  });

  it("cooperative-sticky settles in follow-up rebalances on a valid, balanced assignment", () => {
    fc.assert(
      fc.property(anyGroup, (input) => {
        const { assignment, members, rounds } = runCooperativeToCompletion(input, 6);
        // Kafka's CooperativeStickyAssignorTest allows at most 4 follow-up rebalances.
        expect(rounds).toBeLessThanOrEqual(5);
        verifyValidityAndBalance(members, assignment);
        expect(Object.values(assignment).flat().sort()).toEqual(subscribedPartitions(input).sort());
      }),
      { numRuns: 300 },
    );
  });
});
