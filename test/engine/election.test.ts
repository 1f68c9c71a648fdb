import { describe, expect, it } from "vitest";
import { partitionForKey } from "../../src/engine/index.ts";
import { SimDriver } from "../helpers/SimDriver.ts";

// Partitions live on brokers 3-5 so that the active controller (broker 1) stays up.
const FAST = { brokerSessionTimeoutMs: 3000, brokerHeartbeatIntervalMs: 1000 };

describe("unclean.leader.election.enable", () => {
  /** Broker 4 falls out of the ISR, then leader 3 takes acks=1 writes only it has, and dies. */
  function outOfSyncFollowerScenario(unclean: boolean): SimDriver {
    const sim = SimDriver.create({
      brokers: 5,
      config: { replicaLagTimeMaxMs: 4000 },
      topics: [
        {
          name: "orders",
          assignment: [[3, 4]],
          config: { uncleanLeaderElectionEnable: unclean },
        },
      ],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).produce("p", "a", { count: 2 }).at(1100);
    sim.slow(4, 8000).at(1700);
    sim.produce("p", "b", { count: 3 }).at(8000);
    expect(sim.isrOf("orders", 0)).toEqual([3]);
    expect(sim.leo("orders", 0, 3)).toBe(5);
    expect(sim.leo("orders", 0, 4)).toBe(2);
    sim.kill(3);
    return sim;
  }

  it("true: elects the out-of-sync replica and loses what only the old leader had", () => {
    const sim = outOfSyncFollowerScenario(true).at(20_000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.epochOf("orders", 0)).toBe(1);
    // KIP-704: the ISR is reset to the unclean leader alone.
    expect(sim.isrOf("orders", 0)).toEqual([4]);
    expect(sim.events("leaderElected").at(-1)).toMatchObject({ election: "unclean", leader: 4 });
    const lost = sim.audit().lost;
    expect(lost.map((l) => [l.offset, l.key])).toEqual([
      [2, "b"],
      [3, "b"],
      [4, "b"],
    ]);
    for (const l of lost)
      expect(l.cause).toMatch(/^unclean leader election: broker 4 was out of sync/);

    // The old leader comes back as a follower and cuts its log to the new leader's.
    sim.restart(3).at(30_000);
    expect(sim.events("recordsTruncated")).toEqual([
      expect.objectContaining({ broker: 3, truncatedTo: 2, count: 3, leader: 4 }),
    ]);
    expect(sim.offsets("orders", 0, 3)).toEqual([0, 1]);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
  });

  it("false: leaves the partition offline until an ISR member returns, and loses nothing", () => {
    const sim = outOfSyncFollowerScenario(false).at(20_000);
    expect(sim.leaderOf("orders", 0)).toBe(-1);
    const [offline] = sim.events("partitionOffline");
    expect(offline).toMatchObject({ topic: "orders", partition: 0, previousLeader: 3, isr: [3] });
    expect(sim.feed("partitionOffline")[0]).toContain("unclean.leader.election.enable is false");
    // Without ELR the ISR keeps its last member.
    expect(sim.isrOf("orders", 0)).toEqual([3]);
    expect(sim.audit().lost).toEqual([]);

    sim.restart(3).at(22_000);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(sim.epochOf("orders", 0)).toBe(2);
    expect(sim.offsets("orders", 0, 3)).toEqual([0, 1, 2, 3, 4]);
    expect(sim.events("recordsTruncated")).toEqual([]);
    expect(sim.audit().lost).toEqual([]);
  });
});

describe("replication factor 1", () => {
  it("makes a dead broker's partitions offline; keyed records for them time out after delivery.timeout.ms", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3], [4], [5]] }],
      producers: [
        {
          id: "p",
          topic: "orders",
          config: { acks: "all", requestTimeoutMs: 1000, deliveryTimeoutMs: 4000, lingerMs: 0 },
        },
      ],
    });
    // "a" hashes to partition 1 (broker 4), "b" to partition 2 (broker 5).
    expect(partitionForKey("a", 3)).toBe(1);
    expect(partitionForKey("b", 3)).toBe(2);

    sim.at(1000).kill(4).at(12_000);
    expect(sim.leaderOf("orders", 1)).toBe(-1);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(sim.events("partitionOffline").map((e) => e.partition)).toEqual([1]);

    sim.produce("p", "a").produce("p", "b").at(12_100);
    expect(sim.producer("p").acknowledged).toBe(1);
    sim.at(15_990);
    expect(sim.producer("p").failed).toBe(0);
    sim.at(16_200);
    expect(sim.producer("p").errors).toEqual({ TimeoutException: 1 });
    const [failed] = sim.events("produceFailed");
    expect(failed).toMatchObject({ partition: 1, error: "TimeoutException", count: 1 });
    expect(failed!.time - 12_000).toBeGreaterThanOrEqual(4000);
    expect(failed!.time - 12_000).toBeLessThan(4200);
  });
});

describe("clean leader election", () => {
  it("picks the first replica in assignment order that is alive and in the ISR, not the lowest id", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 5, 4]] }],
    });
    sim.at(1000).kill(3).at(12_000);
    expect(sim.leaderOf("orders", 0)).toBe(5);
    expect(sim.isrOf("orders", 0)).toEqual([4, 5]);
    sim.kill(5).at(24_000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([4]);
  });

  it("bumps the leader epoch on every leader change", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { ...FAST, leaderImbalanceCheckIntervalMs: 1_000_000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(1000).kill(3).at(6000).restart(3).at(9000);
    sim.electPreferredLeaders("orders").at(9100);
    sim.shutdown(3).at(9200);
    const elected = sim.events("leaderElected");
    expect(sim.epochOf("orders", 0)).toBe(3);
    expect(elected.map((e) => [e.leader, e.leaderEpoch, e.election])).toEqual([
      [4, 1, "clean"],
      [3, 2, "preferred"],
      [4, 3, "controlledShutdown"],
    ]);
    for (const b of [4, 5]) expect(sim.replica("orders", 0, b).knownLeaderEpoch).toBe(3);
  });
});

describe("leader epochs and truncation", () => {
  it("a restarted old leader truncates to the new leader's end offset for its epoch (KIP-101)", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: FAST,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).produce("p", "a", { count: 2 }).at(1500);
    sim.slow(4, 60_000).slow(5, 60_000).at(2200);
    sim.produce("p", "x", { count: 3 }).at(2300);
    expect(sim.hw("orders", 0, 3)).toBe(2);
    sim.kill(3).slow(4, 0).slow(5, 0).at(6000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    // The new leader writes its own records at the offsets the old leader had used.
    sim.produce("p", "n", { count: 2 }).at(7000);
    expect(sim.offsets("orders", 0, 4)).toEqual([0, 1, 2, 3]);

    sim.restart(3).at(8000);
    expect(sim.events("recordsTruncated")).toEqual([
      expect.objectContaining({ broker: 3, truncatedTo: 2, count: 3, leader: 4, leaderEpoch: 1 }),
    ]);
    const keys = (b: number) => sim.records("orders", 0, b).map((r) => `${r.offset}:${r.key}`);
    expect(keys(3)).toEqual(["0:a", "1:a", "2:n", "3:n"]);
    expect(sim.records("orders", 0, 3)).toEqual(sim.records("orders", 0, 4));
    expect(sim.replica("orders", 0, 3).epochs).toEqual([
      { epoch: 0, startOffset: 0 },
      { epoch: 1, startOffset: 2 },
    ]);
  });

  it("two failovers in a row: each old leader finds where it diverges, even from an epoch the leader never had (KIP-279)", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: FAST,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).produce("p", "a", { count: 2 }).at(1500);
    sim.slow(4, 60_000).slow(5, 60_000).at(2200);
    // Epoch 0: leader 3 alone gets "x".
    sim.produce("p", "x").at(2300).kill(3).at(6000);
    expect([sim.leaderOf("orders", 0), sim.epochOf("orders", 0)]).toEqual([4, 1]);
    // Epoch 1: leader 4 alone gets "y" at the same offset.
    sim.produce("p", "y").at(6500).kill(4).at(10_000);
    expect([sim.leaderOf("orders", 0), sim.epochOf("orders", 0)]).toEqual([5, 2]);
    // Epoch 2: leader 5 writes "w" there; it never had epoch 1.
    sim.produce("p", "w", { count: 2 }).at(10_500);
    expect(sim.replica("orders", 0, 5).epochs.map((e) => e.epoch)).toEqual([0, 2]);

    sim.slow(4, 0).restart(3).restart(4).at(15_000);
    const truncations = sim
      .events("recordsTruncated")
      .map((e) => [e.broker, e.truncatedTo, e.count])
      .sort();
    expect(truncations).toEqual([
      [3, 2, 1],
      [4, 2, 1],
    ]);
    for (const b of [3, 4]) {
      expect(sim.records("orders", 0, b)).toEqual(sim.records("orders", 0, 5));
      expect(sim.replica("orders", 0, b).epochs).toEqual([
        { epoch: 0, startOffset: 0 },
        { epoch: 2, startOffset: 2 },
      ]);
    }
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    expect(sim.audit().lost.map((l) => [l.offset, l.key])).toEqual([
      [2, "x"],
      [2, "y"],
    ]);
  });
});

describe("zombie leader", () => {
  it("an isolated leader keeps acknowledging acks=1 writes that are lost when it heals", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).produce("p", "a", { count: 2 }).at(1100);
    sim.isolate(3).at(1200);
    sim.produce("p", "z").at(1300);
    expect(sim.producer("p").acknowledged).toBe(3);

    sim.at(12_000);
    // The controller fenced it and moved leadership; broker 3 never heard.
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.epochOf("orders", 0)).toBe(1);
    expect(sim.replica("orders", 0, 3).role).toBe("leader");
    expect(sim.replica("orders", 0, 3).knownLeaderEpoch).toBe(0);

    // Its clients still reach it: it acknowledges writes the cluster will never have.
    sim.produce("p", "zombie", { count: 2 }).at(12_100);
    expect(sim.producer("p").acknowledged).toBe(5);
    expect(sim.offsets("orders", 0, 3)).toEqual([0, 1, 2, 3, 4]);
    expect(sim.offsets("orders", 0, 4)).toEqual([0, 1]);

    sim.heal(3).at(20_000);
    expect(sim.replica("orders", 0, 3).role).toBe("follower");
    expect(sim.events("recordsTruncated")).toEqual([
      expect.objectContaining({ broker: 3, truncatedTo: 2, count: 3, leader: 4 }),
    ]);
    const lost = sim.audit().lost;
    expect(lost.map((l) => [l.offset, l.key])).toEqual([
      [2, "z"],
      [3, "zombie"],
      [4, "zombie"],
    ]);
    expect(lost[0]!.cause).toContain("leader 3 was cut off from the cluster");
    for (const l of lost.slice(1)) {
      expect(l.cause).toContain("acks=1");
      expect(l.cause).toContain("broker 3 still acted as leader (epoch 0)");
      expect(l.cause).toContain("broker 4 had taken over (epoch 1)");
    }
  });

  it("cannot acknowledge acks=all writes: it cannot shrink the ISR without the controller", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { replicaLagTimeMaxMs: 4000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [
        {
          id: "p",
          topic: "orders",
          config: { acks: "all", requestTimeoutMs: 2000, deliveryTimeoutMs: 30_000 },
        },
      ],
    });
    sim.at(1000).isolate(3).produce("p", "z").at(9000);
    expect(sim.replica("orders", 0, 3).knownIsr).toEqual([3, 4, 5]);
    expect(sim.hw("orders", 0, 3)).toBe(0);
    expect(sim.producer("p").acknowledged).toBe(0);
    sim.heal(3).at(40_000);
    expect(sim.audit().lost).toEqual([]);
    // The retry after the timeout went to the new leader.
    expect(sim.producer("p").acknowledged).toBe(1);
    expect(sim.records("orders", 0, 4).map((r) => r.key)).toEqual(["z"]);
  });
});

describe("preferred leader election", () => {
  /** Broker 3, the preferred leader, dies and comes back: broker 4 leads meanwhile. */
  function failedOver(config: Record<string, number | boolean> = {}): SimDriver {
    const sim = SimDriver.create({
      brokers: 5,
      config: { ...FAST, leaderImbalanceCheckIntervalMs: 1_000_000, ...config },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(1000).kill(3).at(6000).restart(3).at(8000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    return sim;
  }

  it("by command, moves leadership back to replicas[0] once it rejoined the ISR", () => {
    const sim = failedOver();
    sim.electPreferredLeaders().at(8100);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(sim.events("leaderElected").at(-1)).toMatchObject({
      election: "preferred",
      leader: 3,
      previousLeader: 4,
      leaderEpoch: 2,
    });
    expect(sim.replica("orders", 0, 3).role).toBe("leader");
    expect(sim.replica("orders", 0, 4).role).toBe("follower");
  });

  it("does nothing while the preferred replica is out of the ISR", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { ...FAST, leaderImbalanceCheckIntervalMs: 1_000_000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(1000).kill(3).at(6000);
    sim.electPreferredLeaders().at(6100);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.events("leaderElected").filter((e) => e.election === "preferred")).toEqual([]);
  });

  it("runs on its own every leader.imbalance.check.interval with auto.leader.rebalance.enable", () => {
    const sim = failedOver({ leaderImbalanceCheckIntervalMs: 10_000 });
    sim.at(9_999);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    sim.at(10_000);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(sim.events("leaderElected").at(-1)).toMatchObject({
      election: "preferred",
      time: 10_000,
    });
  });

  it("never runs on its own when auto.leader.rebalance.enable is false", () => {
    const sim = failedOver({
      leaderImbalanceCheckIntervalMs: 10_000,
      autoLeaderRebalanceEnable: false,
    });
    sim.at(60_000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
  });
});

describe("controlled shutdown", () => {
  it("moves leadership at once, with no offline gap and no loss", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [
        {
          name: "orders",
          assignment: [
            [3, 4, 5],
            [4, 3, 5],
          ],
        },
      ],
      producers: [{ id: "p", topic: "orders", config: { acks: "all" } }],
    });
    sim.at(1000).produce("p", "a", { count: 3, partition: 0 }).at(1100);
    sim.shutdown(3);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([4, 5]);
    expect(sim.isrOf("orders", 1)).toEqual([4, 5]);
    const [fenced] = sim.events("brokerFenced");
    expect(fenced).toMatchObject({ broker: 3, reason: "controlledShutdown", time: 1100 });
    expect(sim.events("leaderElected").at(-1)).toMatchObject({
      election: "controlledShutdown",
      leader: 4,
      time: 1100,
    });
    sim.at(20_000);
    expect(sim.events("partitionOffline")).toEqual([]);
    expect(sim.audit().lost).toEqual([]);
  });
});
