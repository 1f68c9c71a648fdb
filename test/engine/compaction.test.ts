import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

// Records with a one-letter key and value "vvvv" are 25 bytes: segment.bytes=100 holds four.
function compactedTopic(deleteRetentionMs = 86_400_000): SimDriver {
  return SimDriver.create({
    brokers: 3,
    config: { logRetentionCheckIntervalMs: 1000 },
    topics: [
      {
        name: "users",
        assignment: [[2, 3, 1]],
        config: { cleanupPolicy: "compact", segmentBytes: 100, deleteRetentionMs },
      },
    ],
    producers: [{ id: "p", topic: "users" }],
  });
}

function write(sim: SimDriver, keys: string, value: string | null = "vvvv"): void {
  for (const key of keys) sim.produce("p", key, { value }).advance(10);
}

const segments = (sim: SimDriver, broker = 2) =>
  sim
    .replica("users", 0, broker)
    .segments.map((s) =>
      s.chunks.flat().map((r) => `${r.offset}:${r.key}${r.value === null ? "(x)" : ""}`),
    );

describe("cleanup.policy=compact", () => {
  it("keeps only the latest record per key in the closed segments, with gaps in the offsets", () => {
    const sim = compactedTopic().at(500);
    write(sim, "abacabdae");
    sim.at(999);
    expect(segments(sim)).toEqual([
      ["0:a", "1:b", "2:a", "3:c"],
      ["4:a", "5:b", "6:d", "7:a"],
      ["8:e"],
    ]);
    sim.at(1000);
    expect(segments(sim)).toEqual([["3:c"], ["5:b", "6:d", "7:a"], ["8:e"]]);
    for (const b of [1, 3]) expect(segments(sim, b)).toEqual(segments(sim, 2));
    expect(sim.events("logCompacted")[0]).toMatchObject({
      broker: 2,
      removed: 4,
      tombstonesRemoved: 0,
    });
    // Compaction does not move the log start offset or the end.
    expect(sim.logStart("users", 0, 2)).toBe(0);
    expect(sim.leo("users", 0, 2)).toBe(9);
    // Compacted records are retired by design, not lost.
    expect(sim.audit()).toMatchObject({ acknowledged: 9, retired: 4, lost: [] });
  });

  it("a consumer reading from the start after a cleaning gets the kept records across the gaps, up to the end", () => {
    const sim = compactedTopic().at(500);
    write(sim, "abacabdae");
    sim.at(1500);
    sim.command({
      type: "addConsumer",
      consumer: {
        id: "r1",
        groupId: "readers",
        topics: ["users"],
        config: { autoOffsetReset: "earliest" },
      },
    });
    sim.at(12_000);
    const consumed = sim.events("recordsConsumed").filter((e) => e.groupId === "readers");
    expect(consumed.reduce((n, e) => n + e.count, 0)).toBe(5);
    expect(consumed[0]!.firstOffset).toBe(3);
    expect(sim.consumer("r1").positions["users-0"]).toBe(9);
  });

  it("never compacts the active segment, even if it repeats a key", () => {
    const sim = compactedTopic().at(500);
    write(sim, "aaa");
    sim.at(5000);
    expect(segments(sim)).toEqual([["0:a", "1:a", "2:a"]]);
    expect(sim.events("logCompacted")).toEqual([]);
  });

  it("keeps a tombstone through its first cleaning and drops it once delete.retention.ms has passed since (KIP-534)", () => {
    const sim = compactedTopic(5000).at(500);
    write(sim, "ab");
    write(sim, "a", null);
    // The segment closes, and is first cleaned, long after the tombstone was written.
    sim.at(10_000);
    write(sim, "cdefg");
    sim.at(11_000);
    // The first cleaning removes the older "a" and stamps the tombstone's delete horizon.
    expect(segments(sim)).toEqual([
      ["1:b", "2:a(x)", "3:c"],
      ["4:d", "5:e", "6:f", "7:g"],
    ]);
    const tombstone = sim.records("users", 0, 2).find((r) => r.offset === 2)!;
    expect(tombstone.deleteHorizonMs).toBe(11_000 + 5000);

    sim.at(15_999);
    expect(segments(sim).flat()).toContain("2:a(x)");
    // After the horizon, the next cleaning (once enough new data makes the log dirty) drops it.
    sim.at(16_000);
    write(sim, "hijklmnopqrstuvwxyzABCDEFGHI");
    sim.at(17_000);
    expect(segments(sim).flat()).not.toContain("2:a(x)");
    expect(
      sim
        .events("logCompacted")
        .filter((e) => e.broker === 2)
        .at(-1),
    ).toMatchObject({
      tombstonesRemoved: 1,
    });
  });
});

describe("a compacted topic and records without a key", () => {
  it("refuses them with InvalidRecord, which the producer does not retry", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "profiles", assignment: [[1, 2, 3]], config: { cleanupPolicy: "compact" } }],
      producers: [{ id: "p", topic: "profiles", config: { lingerMs: 0 } }],
    });
    sim.at(100).produce("p", null).at(200).produce("p", "alice").at(2000);
    expect(sim.records("profiles", 0, 1).map((r) => r.key)).toEqual(["alice"]);
    expect(sim.producer("p")).toMatchObject({ acknowledged: 1, failed: 1 });
    expect(sim.producer("p").errors).toEqual({ InvalidRecord: 1 });
    expect(sim.events("produceRetried")).toEqual([]);
    expect(sim.feed("produceFailed")[0]).toMatch(/compacted topic refuses records without a key/);
  });
});
