import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

describe("KRaft controller: broker liveness", () => {
  it("fences a killed broker after broker.session.timeout.ms without a heartbeat, not before", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(5000);
    const lastHeartbeat = sim.state.brokers["3"]!.lastHeartbeatAt;
    expect(lastHeartbeat).toBeGreaterThan(5000 - 2000); // broker.heartbeat.interval.ms
    sim.kill(3);
    const fencedAt = lastHeartbeat + 9000; // broker.session.timeout.ms

    sim.at(fencedAt - 1);
    expect(sim.events("brokerFenced")).toEqual([]);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);

    sim.at(fencedAt);
    expect(sim.events("brokerFenced")).toEqual([
      { type: "brokerFenced", time: fencedAt, broker: 3, reason: "sessionTimeout" },
    ]);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([4, 5]);
  });

  it("fences a broker that dies before its first heartbeat: registering started its session", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    // Broker 5's first heartbeat would be at 685 ms.
    sim.at(500).kill(5).at(9000);
    expect(sim.events("brokerFenced")).toEqual([
      { type: "brokerFenced", time: 9000, broker: 5, reason: "sessionTimeout" },
    ]);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
  });

  it("removes a fenced follower from the ISR without moving leadership", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(1000).kill(5).at(12_000);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(sim.epochOf("orders", 0)).toBe(0);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
    expect(sim.events("isrShrunk")).toEqual([
      expect.objectContaining({
        partition: 0,
        leader: 3,
        removed: [5],
        isr: [3, 4],
        reason: "fenced",
      }),
    ]);
  });

  it("fences an isolated broker, and unfences it when it can heartbeat again", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(1000).isolate(5).at(12_000);
    expect(sim.state.brokers["5"]!.fenced).toBe(true);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
    sim.heal(5).at(15_000);
    expect(sim.state.brokers["5"]!.fenced).toBe(false);
    expect(sim.events("brokerUnfenced").map((e) => e.broker)).toEqual([5]);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
  });

  it("a restarted broker copies what it missed and rejoins the ISR", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders" }],
    });
    sim.at(1000).kill(5).at(12_000);
    sim.produce("p", "k", { count: 4 }).at(12_100);
    expect(sim.leo("orders", 0, 5)).toBe(0);
    sim.restart(5).at(13_000);
    expect(sim.leo("orders", 0, 5)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    const [expanded] = sim.events("isrExpanded");
    expect(expanded).toMatchObject({ added: [5], isr: [3, 4, 5], leader: 3 });
  });
});

describe("KRaft controller quorum", () => {
  it("the first three brokers are the voters and broker 1 starts as the active controller", () => {
    const sim = SimDriver.create({ brokers: 5 });
    expect(sim.state.controller.voters).toEqual([1, 2, 3]);
    expect(sim.controller()).toBe(1);
    expect(
      Object.values(sim.state.brokers)
        .filter((b) => b.voter)
        .map((b) => b.id),
    ).toEqual([1, 2, 3]);
  });

  it("killing the active controller elects another voter after controller.quorum.election.timeout.ms", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    });
    sim.at(1000).kill(1).at(1999);
    expect(sim.events("controllerElected")).toEqual([]);
    sim.at(2000);
    const [elected] = sim.events("controllerElected");
    expect(elected).toMatchObject({ time: 2000, epoch: 2 });
    expect([2, 3]).toContain(elected!.broker);
    expect(sim.controller()).toBe(elected!.broker);

    // The new controller does the controller's work: it fences broker 4 when it dies.
    sim.kill(4).at(20_000);
    // It also fenced broker 1, the old controller, once its fresh session ran out.
    expect(sim.events("brokerFenced").map((e) => [e.broker, e.time])).toEqual([
      [1, 2000 + 9000],
      [4, expect.any(Number)],
    ]);
    expect(sim.isrOf("orders", 0)).toEqual([3, 5]);
  });

  it("with 3 voters, killing 2 leaves no controller and no election happens until one returns", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[4, 5, 3]] }],
    });
    sim.at(1000).kill(1).kill(2).at(3000);
    expect(sim.controller()).toBe(-1);
    expect(sim.events("controllerLost")[0]).toMatchObject({ voters: [1, 2, 3], alive: 1 });
    expect(sim.feed("controllerLost")[0]).toContain("only 1 of 3 controller voters are reachable");

    // The leader dies too: nobody notices, nobody is fenced, nobody is elected.
    sim.kill(4).at(30_000);
    expect(sim.events("brokerFenced")).toEqual([]);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    expect(sim.events("leaderElected")).toEqual([]);

    sim.restart(2).at(40_000);
    const [elected] = sim.events("controllerElected");
    expect([2, 3]).toContain(elected!.broker);
    expect(elected!.time).toBeGreaterThanOrEqual(30_000);
    expect(sim.leaderOf("orders", 0)).toBe(5);
    expect(sim.isrOf("orders", 0)).toEqual([3, 5]);
  });

  it("an isolated active controller is replaced by a reachable voter", () => {
    const sim = SimDriver.create({ brokers: 3 });
    sim.at(1000).isolate(1).at(5000);
    expect([2, 3]).toContain(sim.controller());
  });
});

describe("an active controller cut off from the other voters", () => {
  it("changes nothing: no preferred election and no fencing until a new controller takes over", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: {
        leaderImbalanceCheckIntervalMs: 15_000,
        controllerQuorumElectionTimeoutMs: 1000,
        brokerSessionTimeoutMs: 3000,
      },
      topics: [{ name: "orders", assignment: [[2, 3]] }],
    });
    sim.at(500).shutdown(2).at(5000).restart(2).at(14_500);
    expect(sim.controller()).toBe(1);
    expect(sim.partition("orders", 0).leader).toBe(3);
    // The preferred-leader check at 15 s finds broker 1, the controller, cut off.
    sim.isolate(1).at(15_200);
    expect(sim.partition("orders", 0).leader).toBe(3);
    expect(sim.events("brokerFenced").filter((e) => e.time > 14_500)).toEqual([]);
    // The new controller's check at 30 s moves leadership back, and the replicas learn it.
    sim.at(31_000);
    expect(sim.controller()).not.toBe(1);
    const p = sim.partition("orders", 0);
    expect(p.leader).toBe(2);
    for (const id of [2, 3])
      expect(sim.replica("orders", 0, id).knownLeaderEpoch).toBe(p.leaderEpoch);
  });
});
