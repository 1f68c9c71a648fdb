import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

// Each record is 25 bytes (20 of overhead, key "k", value "vvvv"): segment.bytes=100 holds four.
const VALUE = { value: "vvvv" };

const segmentsOf = (sim: SimDriver, broker: number) =>
  sim.replica("orders", 0, broker).segments.map((s) => s.chunks.flat().map((r) => r.offset));

describe("retention.ms", () => {
  it("deletes whole old segments, advances the log start offset, and never reuses an offset", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { logRetentionCheckIntervalMs: 1000 },
      topics: [
        {
          name: "orders",
          assignment: [[2, 3, 1]],
          config: { retentionMs: 10_000, segmentBytes: 100 },
        },
      ],
      producers: [{ id: "p", topic: "orders" }],
    });
    sim.at(1000).produce("p", "k", { count: 8, ...VALUE });
    sim.at(8000).produce("p", "k", { count: 4, ...VALUE });
    sim.at(11_999);
    expect(segmentsOf(sim, 2)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);

    // At 12 000 the first two segments' newest records are 11 s old.
    sim.at(12_000);
    expect(segmentsOf(sim, 2)).toEqual([[8, 9, 10, 11]]);
    for (const b of [1, 2, 3]) expect(sim.logStart("orders", 0, b)).toBe(8);
    expect(sim.events("segmentsDeleted").map((e) => [e.broker, e.segments, e.reason])).toEqual([
      [2, 2, "retention.ms"],
      [3, 2, "retention.ms"],
      [1, 2, "retention.ms"],
    ]);

    sim.produce("p", "k", VALUE).at(12_100);
    expect(sim.offsets("orders", 0, 2)).toEqual([8, 9, 10, 11, 12]);
    const audit = sim.audit();
    expect(audit.retired).toBe(8);
    expect(audit.lost).toEqual([]);
  });

  it("keeps a segment that is not wholly below the high watermark, however old", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { logRetentionCheckIntervalMs: 1000, replicaLagTimeMaxMs: 20_000 },
      topics: [
        {
          name: "orders",
          assignment: [[2, 3, 1]],
          config: { retentionMs: 3000, segmentBytes: 100 },
        },
      ],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    // Broker 1 stays in the ISR but does not fetch: the HW cannot pass offset 0.
    sim.at(500).slow(1, 60_000).at(1200);
    sim.produce("p", "k", { count: 8, ...VALUE }).at(15_000);
    expect(sim.hw("orders", 0, 2)).toBe(0);
    expect(segmentsOf(sim, 2)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(sim.events("segmentsDeleted")).toEqual([]);

    // Once broker 1 leaves the ISR (checked every 10 s) the HW moves, and the next retention
    // check deletes everything.
    sim.at(32_000);
    expect(sim.isrOf("orders", 0)).toEqual([2, 3]);
    expect(sim.hw("orders", 0, 2)).toBe(8);
    expect(sim.logStart("orders", 0, 2)).toBe(8);
    expect(sim.audit().retired).toBe(8);
  });

  it("deletes an expired active segment too, leaving an empty log that starts at its end offset", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { logRetentionCheckIntervalMs: 1000 },
      topics: [{ name: "orders", assignment: [[2, 3, 1]], config: { retentionMs: 5000 } }],
      producers: [{ id: "p", topic: "orders" }],
    });
    sim
      .at(1000)
      .produce("p", "k", { count: 3, ...VALUE })
      .at(7000);
    expect(sim.records("orders", 0, 2)).toEqual([]);
    expect(sim.logStart("orders", 0, 2)).toBe(3);
    expect(sim.leo("orders", 0, 2)).toBe(3);
    expect(sim.hw("orders", 0, 2)).toBe(3);
    sim.produce("p", "k", VALUE).at(7100);
    expect(sim.offsets("orders", 0, 2)).toEqual([3]);
  });
});

describe("retention.bytes", () => {
  it("deletes the oldest segments while the log stays at least retention.bytes large", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { logRetentionCheckIntervalMs: 1000 },
      topics: [
        {
          name: "orders",
          assignment: [[2, 3, 1]],
          config: { retentionBytes: 250, segmentBytes: 100 },
        },
      ],
      producers: [{ id: "p", topic: "orders" }],
    });
    sim
      .at(500)
      .produce("p", "k", { count: 16, ...VALUE })
      .at(1000);
    // 400 bytes, 150 too many: one 100-byte segment fits in the excess, a second does not.
    expect(segmentsOf(sim, 2)).toEqual([
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [12, 13, 14, 15],
    ]);
    expect(sim.logStart("orders", 0, 2)).toBe(4);
    expect(sim.events("segmentsDeleted")[0]).toMatchObject({
      broker: 2,
      segments: 1,
      logStartOffset: 4,
      reason: "retention.bytes",
    });
    // The active segment is never deleted for size.
    sim.at(60_000);
    expect(sim.logStart("orders", 0, 2)).toBe(4);
    expect(sim.audit()).toMatchObject({ retired: 4, lost: [] });
  });
});
