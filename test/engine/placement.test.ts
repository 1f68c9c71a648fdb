import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignReplicasToBrokers,
  placeReplicas,
  rackAlternatedBrokerList,
  type BrokerMetadata,
  type NextRandomInt,
  type RackedBroker,
} from "../../src/engine/placement";

/** Brokers from an id -> rack table, sorted by id as Kafka's callers pass them. */
function racked(rackOf: Record<number, string>): RackedBroker[] {
  return Object.entries(rackOf)
    .map(([id, rack]) => ({ id: Number(id), rack }))
    .sort((a, b) => a.id - b.id);
}

function rackless(...ids: number[]): BrokerMetadata[] {
  return ids.map((id) => ({ id }));
}

/** A random source that answers the given draws in order and records the bounds asked for. */
function draws(...values: number[]): NextRandomInt & { bounds: number[] } {
  const bounds: number[] = [];
  const next = (bound: number): number => {
    bounds.push(bound);
    const value = values.shift();
    if (value === undefined) throw new Error("unexpected draw");
    return value;
  };
  return Object.assign(next, { bounds });
}

/** Every (start index, shift) pair Kafka's two draws can produce for n brokers. */
function everyRandomStart(n: number): [number, number][] {
  return Array.from({ length: n * n }, (_, i) => [Math.floor(i / n), i % n]);
}

function count(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

interface DistributionChecks {
  rackAware?: boolean;
  leaders?: boolean;
  replicas?: boolean;
}

/** What AdminRackAwareTest.assertReplicaDistribution checks (same three switches). */
function expectReplicaDistribution(
  assignment: number[][],
  rackOf: Record<number, string>,
  partitions: number,
  replicationFactor: number,
  checks: DistributionChecks = { rackAware: true, leaders: true, replicas: true },
): void {
  const brokerIds = Object.keys(rackOf).map(Number);
  expect(assignment).toHaveLength(partitions);
  for (const replicas of assignment) {
    expect(new Set(replicas).size).toBe(replicas.length);
  }
  if (checks.rackAware) {
    for (const replicas of assignment) {
      expect(new Set(replicas.map((b) => rackOf[b])).size).toBe(replicationFactor);
    }
  }
  if (checks.leaders) {
    const leaders = count(assignment.map((replicas) => replicas[0]!));
    for (const id of brokerIds) expect(leaders.get(id) ?? 0).toBe(partitions / brokerIds.length);
  }
  if (checks.replicas) {
    const replicas = count(assignment.flat());
    const each = (partitions * replicationFactor) / brokerIds.length;
    for (const id of brokerIds) expect(replicas.get(id) ?? 0).toBe(each);
  }
}

const SIX_BROKERS_THREE_RACKS = {
  0: "rack1",
  1: "rack2",
  2: "rack2",
  3: "rack3",
  4: "rack3",
  5: "rack1",
};

describe("rack-unaware placement", () => {
  it("places 10 partitions with RF 3 on 5 brokers exactly as Kafka does", () => {
    // AdminRackAwareTest.testReplicaAssignment (AdminTest.testReplicaAssignment before it)
    expect(assignReplicasToBrokers(rackless(0, 1, 2, 3, 4), 10, 3, 0, -1)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 0],
      [4, 0, 1],
      [0, 2, 3],
      [1, 3, 4],
      [2, 4, 0],
      [3, 0, 1],
      [4, 1, 2],
    ]);
  });

  it("sorts the brokers by id before walking them", () => {
    expect(assignReplicasToBrokers(rackless(4, 2, 0, 3, 1), 10, 3, 0)).toEqual(
      assignReplicasToBrokers(rackless(0, 1, 2, 3, 4), 10, 3, 0),
    );
  });

  it("numbers the result from startPartitionId, one entry per new partition", () => {
    const created = assignReplicasToBrokers(rackless(0, 1, 2, 3, 4), 3, 3, 0, 5);
    expect(created).toHaveLength(3);
    // Partition 5 is the first of a new round of 5 brokers, so the shift grows to 1.
    expect(created[0]).toEqual([0, 2, 3]);
  });
});

describe("rack-aware placement", () => {
  it("alternates brokers rack by rack", () => {
    // AdminRackAwareTest.testGetRackAlternatedBrokerListAndAssignReplicasToBrokers
    const rackOf = { 0: "rack1", 1: "rack3", 2: "rack3", 3: "rack2", 4: "rack2", 5: "rack1" };
    expect(rackAlternatedBrokerList(racked(rackOf))).toEqual([0, 3, 1, 5, 4, 2]);
    const { 5: _removed, ...withoutBroker5 } = rackOf;
    expect(rackAlternatedBrokerList(racked(withoutBroker5))).toEqual([0, 3, 1, 4, 2]);
  });

  it("places 7 partitions with RF 3 over 3 racks exactly as Kafka does", () => {
    // AdminRackAwareTest.testGetRackAlternatedBrokerListAndAssignReplicasToBrokers
    const rackOf = { 0: "rack1", 1: "rack3", 2: "rack3", 3: "rack2", 4: "rack2", 5: "rack1" };
    expect(assignReplicasToBrokers(racked(rackOf), 7, 3, 0, 0)).toEqual([
      [0, 3, 1],
      [3, 1, 5],
      [1, 5, 4],
      [5, 4, 2],
      [4, 2, 0],
      [2, 0, 3],
      [0, 4, 2],
    ]);
  });

  it("spreads leaders, replicas and racks evenly from a fixed start index", () => {
    // AdminRackAwareTest.testAssignmentWithRackAware
    const assignment = assignReplicasToBrokers(racked(SIX_BROKERS_THREE_RACKS), 6, 3, 2, 0);
    expectReplicaDistribution(assignment, SIX_BROKERS_THREE_RACKS, 6, 3);
  });

  it("spreads leaders, replicas and racks evenly from every random start", () => {
    // AdminRackAwareTest.testAssignmentWithRackAwareWithRandomStartIndex, for all 36 draws
    for (const [start, shift] of everyRandomStart(6)) {
      const assignment = assignReplicasToBrokers(
        racked(SIX_BROKERS_THREE_RACKS),
        6,
        3,
        -1,
        -1,
        draws(start, shift),
      );
      expectReplicaDistribution(assignment, SIX_BROKERS_THREE_RACKS, 6, 3);
    }
  });

  it("keeps every partition on 3 racks when partitions do not divide evenly", () => {
    // AdminRackAwareTest.testAssignmentWithRackAwareWithUnevenReplicas
    const assignment = assignReplicasToBrokers(racked(SIX_BROKERS_THREE_RACKS), 13, 3, 0, 0);
    expectReplicaDistribution(assignment, SIX_BROKERS_THREE_RACKS, 13, 3, { rackAware: true });
  });

  it("spreads leaders and racks with racks of different sizes", () => {
    // AdminRackAwareTest.testAssignmentWithRackAwareWithUnevenRacks
    const rackOf = { 0: "rack1", 1: "rack1", 2: "rack2", 3: "rack3", 4: "rack3", 5: "rack1" };
    for (const [start, shift] of everyRandomStart(6)) {
      const assignment = assignReplicasToBrokers(
        racked(rackOf),
        12,
        3,
        -1,
        -1,
        draws(start, shift),
      );
      expectReplicaDistribution(assignment, rackOf, 12, 3, { rackAware: true, leaders: true });
    }
  });

  it("spreads 2 replicas over 2 racks and balances brokers", () => {
    // AdminRackAwareTest.testAssignmentWith2ReplicasRackAware (12 partitions) and
    // testAssignmentWith2ReplicasRackAwareWith6Partitions (6 partitions, brokers 6..11)
    const brokers6to11 = {
      6: "rack1",
      7: "rack2",
      8: "rack2",
      9: "rack3",
      10: "rack3",
      11: "rack1",
    };
    for (const [start, shift] of everyRandomStart(6)) {
      expectReplicaDistribution(
        assignReplicasToBrokers(
          racked(SIX_BROKERS_THREE_RACKS),
          12,
          2,
          -1,
          -1,
          draws(start, shift),
        ),
        SIX_BROKERS_THREE_RACKS,
        12,
        2,
      );
      expectReplicaDistribution(
        assignReplicasToBrokers(racked(brokers6to11), 6, 2, -1, -1, draws(start, shift)),
        brokers6to11,
        6,
        2,
      );
    }
  });

  it("balances partitions added after existing ones", () => {
    // AdminRackAwareTest.testRackAwareExpansion: 12 new partitions from partition 12
    const rackOf = { 6: "rack1", 7: "rack2", 8: "rack2", 9: "rack3", 10: "rack3", 11: "rack1" };
    for (const [start, shift] of everyRandomStart(6)) {
      const assignment = assignReplicasToBrokers(
        racked(rackOf),
        12,
        2,
        -1,
        12,
        draws(start, shift),
      );
      expectReplicaDistribution(assignment, rackOf, 12, 2);
    }
  });

  it("balances 3 brokers on 3 racks", () => {
    // AdminRackAwareTest.testAssignmentWith2ReplicasRackAwareWith6PartitionsAnd3Brokers
    const rackOf = { 0: "rack1", 1: "rack2", 4: "rack3" };
    for (const [start, shift] of everyRandomStart(3)) {
      const assignment = assignReplicasToBrokers(racked(rackOf), 3, 2, -1, -1, draws(start, shift));
      expectReplicaDistribution(assignment, rackOf, 3, 2);
    }
  });

  it("balances a large topic over 12 brokers", () => {
    // AdminRackAwareTest.testLargeNumberPartitionsAssignment
    const rackOf = {
      0: "rack1",
      1: "rack2",
      2: "rack2",
      3: "rack3",
      4: "rack3",
      5: "rack1",
      6: "rack1",
      7: "rack2",
      8: "rack2",
      9: "rack3",
      10: "rack1",
      11: "rack3",
    };
    for (const [start, shift] of everyRandomStart(12)) {
      const assignment = assignReplicasToBrokers(
        racked(rackOf),
        96,
        3,
        -1,
        -1,
        draws(start, shift),
      );
      expectReplicaDistribution(assignment, rackOf, 96, 3);
    }
  });

  it("covers every rack when there are more replicas than racks", () => {
    // AdminRackAwareTest.testMoreReplicasThanRacks (RF 5) and testLessReplicasThanRacks (RF 2)
    const rackOf: Record<number, string> = {
      0: "rack1",
      1: "rack2",
      2: "rack2",
      3: "rack3",
      4: "rack3",
      5: "rack2",
    };
    for (const [start, shift] of everyRandomStart(6)) {
      const five = assignReplicasToBrokers(racked(rackOf), 6, 5, -1, -1, draws(start, shift));
      for (const replicas of five) {
        expect(replicas).toHaveLength(5);
        expect(new Set(replicas.map((b) => rackOf[b])).size).toBe(3);
      }
      const two = assignReplicasToBrokers(racked(rackOf), 6, 2, -1, -1, draws(start, shift));
      for (const replicas of two) {
        expect(new Set(replicas.map((b) => rackOf[b])).size).toBe(2);
      }
    }
  });

  it("gives each broker one leader when all brokers share one rack", () => {
    // AdminRackAwareTest.testSingleRack
    const rackOf = { 0: "rack1", 1: "rack1", 2: "rack1", 3: "rack1", 4: "rack1", 5: "rack1" };
    for (const [start, shift] of everyRandomStart(6)) {
      const assignment = assignReplicasToBrokers(racked(rackOf), 6, 3, -1, -1, draws(start, shift));
      expect(assignment.every((replicas) => replicas.length === 3)).toBe(true);
      expect([...count(assignment.map((r) => r[0]!)).values()]).toEqual([1, 1, 1, 1, 1, 1]);
    }
  });

  it("skips a broker that already holds a replica once every rack has one", () => {
    // AdminRackAwareTest.testSkipBrokerWithReplicaAlreadyAssigned
    const rackOf = { 0: "a", 1: "b", 2: "c", 3: "a", 4: "a" };
    const assignment = assignReplicasToBrokers(racked(rackOf), 6, 4, 2);
    expectReplicaDistribution(assignment, rackOf, 6, 4, {});
    expect(assignment.every((replicas) => replicas.length === 4)).toBe(true);
  });
});

describe("random start", () => {
  it("draws the start index first, then the shift, each below the number of brokers", () => {
    const random = draws(3, 1);
    const assignment = assignReplicasToBrokers(rackless(0, 1, 2, 3, 4), 2, 2, -1, -1, random);
    expect(random.bounds).toEqual([5, 5]);
    // start 3: leaders 3, 4; shift 1: followers 2 brokers after the leader.
    expect(assignment).toEqual([
      [3, 0],
      [4, 1],
    ]);
  });

  it("draws nothing when the start index is fixed, and equals drawing it twice", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        (n, k, p) => {
          const brokers = rackless(...Array.from({ length: n }, (_, i) => i * 10));
          const start = k % n;
          const none = draws();
          const fixed = assignReplicasToBrokers(brokers, p, Math.min(n, 3), start, -1, none);
          expect(none.bounds).toEqual([]);
          expect(
            assignReplicasToBrokers(brokers, p, Math.min(n, 3), -1, -1, draws(start, start)),
          ).toEqual(fixed);
        },
      ),
      { seed: 5 },
    );
  });

  it("refuses to guess a random start without a seeded source (a programming error)", () => {
    expect(() => assignReplicasToBrokers(rackless(0, 1, 2), 3, 2)).toThrow(/nextRandomInt/);
    expect(() => placeReplicas(rackless(0, 1, 2), 3, 2)).toThrow(/nextRandomInt/);
    expect(() => placeReplicas(rackless(0, 1, 2), 3, 2, -1, -1, () => 3)).toThrow(RangeError);
  });
});

describe("placement properties", () => {
  const cluster = fc
    .record({
      ids: fc.uniqueArray(fc.nat(99), { minLength: 1, maxLength: 12 }),
      rackNames: fc.option(
        fc.array(fc.constantFrom("a", "b", "c", "d"), { minLength: 12, maxLength: 12 }),
      ),
    })
    .map(({ ids, rackNames }): BrokerMetadata[] =>
      ids.map((id, i) => (rackNames === null ? { id } : { id, rack: rackNames[i]! })),
    );
  const placement = cluster.chain((brokers) =>
    fc.record({
      brokers: fc.constant(brokers),
      partitions: fc.integer({ min: 1, max: 60 }),
      replicationFactor: fc.integer({ min: 1, max: brokers.length }),
      start: fc.nat(brokers.length - 1),
      shift: fc.nat(brokers.length - 1),
      startPartitionId: fc.integer({ min: -1, max: 40 }),
    }),
  );
  const place = (p: {
    brokers: BrokerMetadata[];
    partitions: number;
    replicationFactor: number;
    start: number;
    shift: number;
    startPartitionId: number;
  }): number[][] =>
    assignReplicasToBrokers(
      p.brokers,
      p.partitions,
      p.replicationFactor,
      -1,
      p.startPartitionId,
      draws(p.start, p.shift),
    );

  it("gives every partition replicationFactor distinct brokers of the cluster", () => {
    fc.assert(
      fc.property(placement, (p) => {
        const ids = new Set(p.brokers.map((b) => b.id));
        const assignment = place(p);
        expect(assignment).toHaveLength(p.partitions);
        const bad = assignment.filter(
          (replicas) =>
            replicas.length !== p.replicationFactor ||
            new Set(replicas).size !== replicas.length ||
            !replicas.every((b) => ids.has(b)),
        );
        expect(bad).toEqual([]);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it("spreads leaders evenly: leader counts differ by at most one", () => {
    fc.assert(
      fc.property(placement, (p) => {
        const leaders = count(place(p).map((replicas) => replicas[0]!));
        const counts = p.brokers.map((b) => leaders.get(b.id) ?? 0);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { seed: 2, numRuns: 500 },
    );
  });

  it("puts each rack at most once per partition when RF <= #racks, and every rack when RF >= #racks", () => {
    fc.assert(
      fc.property(
        placement.filter((p) => p.brokers.every((b) => b.rack !== undefined)),
        (p) => {
          const rackOf = new Map(p.brokers.map((b) => [b.id, b.rack]));
          const numRacks = new Set(rackOf.values()).size;
          for (const replicas of place(p)) {
            const racks = new Set(replicas.map((b) => rackOf.get(b)));
            if (p.replicationFactor <= numRacks) expect(racks.size).toBe(p.replicationFactor);
            if (p.replicationFactor >= numRacks) expect(racks.size).toBe(numRacks);
          }
        },
      ),
      { seed: 3, numRuns: 500 },
    );
  });

  it("gives every broker the same number of replicas when partitions fill whole rounds (no racks)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (n, rounds, rf, start, shift) => {
          const brokers = rackless(...Array.from({ length: n }, (_, i) => i));
          const replicationFactor = 1 + (rf % n);
          const assignment = assignReplicasToBrokers(
            brokers,
            n * rounds,
            replicationFactor,
            -1,
            -1,
            draws(start % n, shift % n),
          );
          const replicas = count(assignment.flat());
          for (const { id } of brokers) expect(replicas.get(id)).toBe(rounds * replicationFactor);
        },
      ),
      { seed: 4, numRuns: 500 },
    );
  });

  it("balances brokers and racks with equal racks and RF = #racks, in whole rounds", () => {
    // AdminUtils' documented guarantee for the "perfect situation".
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        fc.nat(),
        (numRacks, perRack, rounds, start, shift) => {
          const n = numRacks * perRack;
          const rackOf: Record<number, string> = {};
          for (let id = 0; id < n; id++) rackOf[id] = `rack${id % numRacks}`;
          const assignment = assignReplicasToBrokers(
            racked(rackOf),
            n * rounds,
            numRacks,
            -1,
            -1,
            draws(start % n, shift % n),
          );
          expectReplicaDistribution(assignment, rackOf, n * rounds, numRacks);
        },
      ),
      { seed: 6, numRuns: 500 },
    );
  });
});

describe("placement errors a student can cause", () => {
  const fiveBrokers = rackless(0, 1, 2, 3, 4);

  it("refuses a replication factor larger than the number of brokers", () => {
    // AdminRackAwareTest.testReplicaAssignment: RF 6 on 5 brokers
    expect(placeReplicas(fiveBrokers, 10, 6, 0)).toEqual({
      ok: false,
      error: {
        name: "InvalidReplicationFactorException",
        message:
          "Replication factor 6 is larger than the number of available brokers (5): " +
          "each replica of a partition must be on a different broker.",
      },
    });
  });

  it("refuses a replication factor of 0", () => {
    // AdminRackAwareTest.testReplicaAssignment: RF 0
    const result = placeReplicas(fiveBrokers, 10, 0, 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.name).toBe("InvalidReplicationFactorException");
  });

  it("refuses a topic without partitions, checked before the replication factor", () => {
    // AdminRackAwareTest.testAssignReplicasToBrokersWithInvalidParameters: 0 partitions, RF 0
    for (const partitions of [0, -3, 1.5]) {
      const result = placeReplicas(fiveBrokers, partitions, 0, 0);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.name).toBe("InvalidPartitionsException");
    }
  });

  it("refuses racks on some brokers but not on others", () => {
    // AdminRackAwareTest.testAssignReplicasToBrokersWithInvalidParameters: broker 4 has no rack
    const brokers: BrokerMetadata[] = [
      ...racked({ 0: "rack1", 1: "rack3", 2: "rack3", 3: "rack2" }),
      { id: 4 },
    ];
    const result = placeReplicas(brokers, 10, brokers.length, -1, -1, draws(0, 0));
    expect(result).toEqual({
      ok: false,
      error: {
        name: "AdminOperationException",
        message:
          "Broker 4 has no rack while the others have one: rack-aware placement needs " +
          "broker.rack on every broker, or on none.",
      },
    });
    // The replication factor is checked first, as in Kafka.
    const tooMany = placeReplicas(brokers, 10, brokers.length + 1, -1, -1, draws(0, 0));
    expect(!tooMany.ok && tooMany.error.name).toBe("InvalidReplicationFactorException");
  });

  it("refuses two brokers with the same id", () => {
    const result = placeReplicas(rackless(1, 2, 1), 3, 1, 0);
    expect(!result.ok && result.error.name).toBe("AdminOperationException");
  });

  it("throws Kafka's exception name from the exact function", () => {
    expect(() => assignReplicasToBrokers(fiveBrokers, 10, 6, 0)).toThrow(
      /^InvalidReplicationFactorException: Replication factor 6/,
    );
    try {
      assignReplicasToBrokers(fiveBrokers, 0, 1, 0);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe("InvalidPartitionsException");
    }
  });
});
