import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

describe("followers and the high watermark", () => {
  it("followers copy the leader's log; the HW is the smallest LEO in the ISR and followers learn it on their next fetch", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).slow(5, 3000).at(1600);
    sim.produce("p", "k", { count: 3 }).at(1700);
    expect([sim.leo("orders", 0, 3), sim.leo("orders", 0, 4), sim.leo("orders", 0, 5)]).toEqual([
      3, 3, 0,
    ]);
    // Broker 5 is still in the ISR (30 s lag allowed): the HW waits for it.
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    expect(sim.hw("orders", 0, 3)).toBe(0);

    sim.slow(5, 0).at(1750);
    expect(sim.leo("orders", 0, 5)).toBe(3);
    expect(sim.hw("orders", 0, 3)).toBe(3);
    sim.at(2500);
    for (const b of [3, 4, 5]) expect(sim.hw("orders", 0, b)).toBe(3);
    expect(sim.records("orders", 0, 5)).toEqual(sim.records("orders", 0, 3));
  });

  it("a parked follower fetch (long poll) is answered as soon as the leader appends", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: "all", lingerMs: 0 } }],
    });
    sim.at(1000).produce("p", "k").at(1100);
    const [append] = sim.events("batchAppended");
    const [ack] = sim.events("produceAcknowledged");
    // Two follower fetches (one brings the record, the next reports the new LEO), far less
    // than replica.fetch.wait.max.ms (500 ms).
    expect(ack!.time - append!.time).toBeLessThan(30);
  });

  it("the leader's HW never moves backwards across a leader change", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { brokerSessionTimeoutMs: 3000, brokerHeartbeatIntervalMs: 1000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", rate: 50, keys: ["k"] }],
    });
    sim.at(3000).kill(3).at(10_000);
    const hws = sim
      .events("highWatermarkAdvanced")
      .filter((e) => e.broker === 4)
      .map((e) => e.highWatermark);
    expect(hws.length).toBeGreaterThan(10);
    expect(hws).toEqual([...hws].sort((a, b) => a - b));
    expect(sim.producer("p").errors).toEqual({});
  });
});

describe("ISR membership (replica.lag.time.max.ms)", () => {
  const create = () =>
    SimDriver.create({
      brokers: 5,
      config: { replicaLagTimeMaxMs: 5000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", rate: 20, keys: ["k"], config: { acks: 1 } }],
    });

  it("a follower slower than replica.lag.time.max.ms leaves the ISR, and rejoins once it catches up", () => {
    const sim = create().at(1000);
    sim.slow(5, 8000);
    const lastCaughtUp = () => sim.replica("orders", 0, 3).followers["5"]!.lastCaughtUpTime;
    sim.at(1100);
    const caughtUpAt = lastCaughtUp();
    expect(caughtUpAt).toBeGreaterThan(900);

    sim.at(caughtUpAt + 5000);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    // The leader checks every replica.lag.time.max.ms / 2.
    sim.at(caughtUpAt + 5000 + 2500 + 10);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
    const [shrunk] = sim.events("isrShrunk");
    expect(shrunk).toMatchObject({ leader: 3, removed: [5], isr: [3, 4], reason: "lagging" });
    expect(shrunk!.time).toBeGreaterThan(caughtUpAt + 5000);
    expect(sim.feed("isrShrunk")[0]).toContain("not caught up within replica.lag.time.max.ms");

    // Out of the ISR, it no longer holds the HW back.
    sim.at(15_000);
    expect(sim.leo("orders", 0, 5)).toBeLessThan(sim.hw("orders", 0, 3));

    sim.slow(5, 0).at(15_100);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    const [expanded] = sim.events("isrExpanded");
    expect(expanded).toMatchObject({ leader: 3, added: [5], isr: [3, 4, 5] });
    expect(expanded!.time).toBeLessThan(15_050);
  });

  it("a follower that is slow but keeps within replica.lag.time.max.ms stays in the ISR", () => {
    const sim = create().at(1000);
    // lastCaughtUpTime trails by up to two fetch intervals: 2 x 2 s stays under 5 s.
    sim.slow(5, 2000).at(30_000);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
    expect(sim.events("isrShrunk")).toEqual([]);
  });

  it("an idle follower that has everything stays in sync however long it waits between fetches", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { replicaLagTimeMaxMs: 5000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders" }],
    });
    sim.at(1000).produce("p", "k").at(1500).slow(5, 20_000).at(40_000);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
  });
});

describe("follower truncation", () => {
  it("a follower ahead of the leader's log start restarts from it when it fell behind retention", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { logRetentionCheckIntervalMs: 1000 },
      topics: [
        {
          name: "orders",
          assignment: [[3, 4, 5]],
          config: { retentionMs: 2000, segmentBytes: 100 },
        },
      ],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(500).kill(5).at(600);
    sim.produce("p", "k", { count: 20 }).at(1000);
    sim.at(12_000);
    const start = sim.logStart("orders", 0, 3);
    expect(start).toBeGreaterThan(0);
    sim.restart(5).at(13_000);
    expect(sim.logStart("orders", 0, 5)).toBe(start);
    expect(sim.leo("orders", 0, 5)).toBe(sim.leo("orders", 0, 3));
  });

  it("a follower whose fetch was parked at a leader that crashed fetches from it again when it returns as leader", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { brokerSessionTimeoutMs: 3000, leaderImbalanceCheckIntervalMs: 1_000_000 },
      topics: [{ name: "orders", assignment: [[4, 3, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1, lingerMs: 0 } }],
    });
    // Broker 3's long-poll fetch is parked at leader 4 when 4 crashes.
    sim.at(499).kill(4).at(5000).restart(4).at(8000);
    expect(sim.leaderOf("orders", 0)).toBe(3);
    sim.electPreferredLeaders().at(8100);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    sim.produce("p", "k", { count: 3 }).at(9000);
    expect(sim.leo("orders", 0, 3)).toBe(3);
    expect(sim.replica("orders", 0, 3).knownLeader).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
  });

  it("a record acknowledged just as leadership moves is reported lost when the old leader truncates it", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { brokerSessionTimeoutMs: 3000, leaderImbalanceCheckIntervalMs: 1_000_000 },
      topics: [{ name: "orders", assignment: [[4, 3, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1, lingerMs: 0 } }],
    });
    sim.at(500).kill(4).at(5000).restart(4).at(8000);
    sim.produce("p", "warm").at(8500);
    sim.slow(4, 5000).slow(5, 5000).at(9000);
    // Leader 3 appends "x"; in the same millisecond the controller moves leadership to broker 4,
    // which never fetched it. The acknowledgement reaches the producer after the change.
    sim.produce("p", "x").at(9003);
    expect(sim.offsets("orders", 0, 3)).toEqual([0, 1]);
    sim.electPreferredLeaders().at(9100);
    expect(sim.producer("p").acknowledged).toBe(2);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.offsets("orders", 0, 3)).toEqual([0]);
    expect(sim.audit().lost.map((l) => [l.offset, l.key])).toEqual([[1, "x"]]);
  });

  it("a restarted follower runs one fetch loop per leader: answers meant for its previous life are dropped", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", rate: 5, keys: ["k"] }],
    });
    // Broker 5's long poll is parked at leader 3 when it crashes and comes straight back.
    sim.at(1000).kill(5).restart(5);
    const life = sim.state.brokers["5"]!.incarnation;
    // A fetch loop is always in exactly one place: waiting to send, on the wire, or parked.
    const outstanding = () =>
      Object.values(sim.state.parkedFetches).filter(
        (f) => f.follower === 5 && f.leader === 3 && f.followerIncarnation === life,
      ).length +
      sim.state.queue.filter((e) => {
        const t = e.task;
        if (t.kind === "sendFetch")
          return t.follower === 5 && t.leader === 3 && t.incarnation === life;
        if (t.kind !== "deliver") return false;
        const body = t.message.body;
        return (
          (body.kind === "fetchRequest" || body.kind === "fetchResponse") &&
          body.follower === 5 &&
          body.followerIncarnation === life
        );
      }).length;
    for (let t = 1000; t < 6000; t += 37) {
      sim.at(t);
      expect(outstanding()).toBeLessThanOrEqual(1);
    }
    expect(sim.isrOf("orders", 0)).toEqual([3, 4, 5]);
  });

  it("a divergence below the follower's own log start makes it truncate fully and start again there", () => {
    // 25-byte records, 4 per segment; retention.bytes keeps the leader's log short.
    const sim = SimDriver.create({
      brokers: 5,
      config: {
        brokerSessionTimeoutMs: 3000,
        logRetentionCheckIntervalMs: 1000,
        replicaLagTimeMaxMs: 3000,
      },
      topics: [
        {
          name: "orders",
          assignment: [[3, 4]],
          config: { uncleanLeaderElectionEnable: true, segmentBytes: 100, retentionBytes: 200 },
        },
      ],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(500).produce("p", "a", { count: 4, value: "vvvv" }).at(1000).slow(4, 60_000).at(1600);
    sim.produce("p", "b", { count: 16, value: "vvvv" }).at(8000);
    expect(sim.isrOf("orders", 0)).toEqual([3]);
    // Broker 3 alone has offsets 4-19 and has deleted everything below 12.
    expect([sim.logStart("orders", 0, 3), sim.leo("orders", 0, 3)]).toEqual([12, 20]);
    expect(sim.leo("orders", 0, 4)).toBe(4);
    sim.kill(3).slow(4, 0).at(12_000);
    expect([sim.leaderOf("orders", 0), sim.events("leaderElected").at(-1)?.election]).toEqual([
      4,
      "unclean",
    ]);
    sim.produce("p", "c", { count: 2, value: "vvvv" }).at(13_000).restart(3).at(16_000);
    // Its epoch 0 diverges at offset 4, below its log start 12: nothing of its log can stay.
    expect(sim.events("recordsTruncated")).toEqual([
      expect.objectContaining({ broker: 3, truncatedTo: 4, count: 8 }),
    ]);
    expect(sim.offsets("orders", 0, 3)).toEqual([4, 5]);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
  });

  it("a leader whose log starts after every epoch a follower knows still serves that follower", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: {
        brokerSessionTimeoutMs: 3000,
        logRetentionCheckIntervalMs: 1000,
        leaderImbalanceCheckIntervalMs: 1_000_000,
      },
      topics: [{ name: "orders", assignment: [[3, 4, 5]], config: { retentionMs: 5000 } }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(500).produce("p", "a", { count: 3 }).at(1000).kill(3).at(5000);
    sim.produce("p", "b", { count: 3 }).at(15_000);
    // Retention emptied the logs; broker 3 comes back below the log start and starts over,
    // with no epoch history at all.
    sim.restart(3).at(17_000);
    expect(sim.replica("orders", 0, 3).epochs).toEqual([]);
    sim.electPreferredLeaders().at(17_100);
    expect([sim.leaderOf("orders", 0), sim.epochOf("orders", 0)]).toEqual([3, 2]);
    // Followers ask for the end of epoch 1, which broker 3 never had: it ends where broker 3's
    // first epoch starts (LeaderEpochFileCache.endOffsetFor), so they carry on fetching.
    sim.produce("p", "c", { count: 2 }).at(18_000);
    for (const b of [4, 5]) expect(sim.offsets("orders", 0, b)).toEqual([6, 7]);
    expect(sim.hw("orders", 0, 3)).toBe(8);
  });
});
