import { describe, expect, it } from "vitest";
import { openBuiltinScenario } from "../../src/store/open.ts";
import type { SimState } from "../../src/store/index.ts";
import {
  brokerLoads,
  cardSignature,
  replicasOn,
  roleOf,
  tailOf,
  wantsCompact,
} from "../../src/views/cluster/replicas.ts";

/** The default scenario a few seconds in: three brokers, records in every partition. */
function stateAt(ms: number): SimState {
  const opened = openBuiltinScenario("default");
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  opened.store.getState().seek(ms);
  // A copy the test may change without touching the run.
  return structuredClone(opened.store.getState().run.state);
}

const firstPartition = (s: SimState) => {
  const t = Object.values(s.topics).find((x) => !x.internal)!;
  return t.partitions[0]!;
};

describe("a replica's role, as the state says", () => {
  it("the leader is leader, other ISR members in sync", () => {
    const s = stateAt(3_000);
    const p = firstPartition(s);
    expect(roleOf(s, p, p.leader)).toBe("leader");
    for (const b of p.isr.filter((b) => b !== p.leader)) expect(roleOf(s, p, b)).toBe("in sync");
  });

  it("a follower outside the ISR is out of sync; a broker that is not online is offline", () => {
    const s = stateAt(3_000);
    const p = firstPartition(s);
    const follower = p.replicas.find((b) => b !== p.leader)!;
    p.isr = p.isr.filter((b) => b !== follower);
    expect(roleOf(s, p, follower)).toBe("out of sync");
    s.brokers[String(p.leader)]!.status = "offline";
    // Offline wins over leader: the metadata may still name it before the controller notices.
    expect(roleOf(s, p, p.leader)).toBe("offline");
  });
});

describe("what a broker card draws", () => {
  it("the log tail is the last n records, oldest first, with their keys", () => {
    const s = stateAt(6_000);
    const p = firstPartition(s);
    const r = p.replicaStates[String(p.leader)]!;
    const all = r.segments.flatMap((seg) => seg.chunks.flat());
    expect(all.length).toBeGreaterThan(3);
    const tail = tailOf(r, 3);
    expect(tail).toEqual(all.slice(-3).map((x) => ({ offset: x.offset, key: x.key })));
    expect(tailOf(r, 1000)).toHaveLength(all.length);
    expect(tailOf(r, 0)).toEqual([]);
  });

  it("a broker hosts one row per replica of a shown topic, with its offsets and role", () => {
    const s = stateAt(6_000);
    const rows = replicasOn(s, 1, 4);
    const shown = Object.values(s.topics).filter((t) => !t.internal);
    const hosted = shown.flatMap((t) => t.partitions.filter((p) => p.replicas.includes(1)));
    expect(rows.map((r) => r.name)).toEqual(hosted.map((p) => `${p.topic}-${p.partition}`));
    for (const row of rows) {
      const p = s.topics[row.topic]!.partitions[row.partition]!;
      const r = p.replicaStates["1"]!;
      expect(row).toMatchObject({
        role: roleOf(s, p, 1),
        logStartOffset: r.logStartOffset,
        highWatermark: r.highWatermark,
        logEndOffset: r.logEndOffset,
      });
      expect(row.tail.length).toBeLessThanOrEqual(4);
    }
    // __consumer_offsets is never drawn.
    expect(rows.some((r) => r.topic.startsWith("__"))).toBe(false);
  });

  it("the card's signature changes when a role or an offset changes, not otherwise", () => {
    const s = stateAt(6_000);
    const before = cardSignature(s, 2);
    expect(cardSignature(structuredClone(s), 2)).toBe(before);
    const p = firstPartition(s);
    const leo = s.topics[p.topic]!.partitions[0]!.replicaStates[String(p.replicas[0])]!;
    const other = stateAt(6_000);
    other.topics[p.topic]!.partitions[0]!.isr = [p.leader];
    expect(
      cardSignature(
        other,
        p.replicas.find((b) => b !== p.leader)!,
      ),
    ).not.toBe(
      cardSignature(
        s,
        p.replicas.find((b) => b !== p.leader)!,
      ),
    );
    leo.logEndOffset += 1;
    expect(cardSignature(s, p.replicas[0]!)).not.toBe(
      cardSignature(stateAt(6_000), p.replicas[0]!),
    );
  });

  it("broker loads count each replica once, by role", () => {
    const s = stateAt(3_000);
    const loads = brokerLoads(s);
    const shown = Object.values(s.topics).filter((t) => !t.internal);
    const replicas = shown.reduce(
      (n, t) => n + t.partitions.reduce((m, p) => m + p.replicas.length, 0),
      0,
    );
    const counted = loads.reduce((n, l) => n + l.leaders + l.inSync + l.outOfSync + l.offline, 0);
    expect(counted).toBe(replicas);
    const partitions = shown.reduce((n, t) => n + t.partitions.length, 0);
    expect(loads.reduce((n, l) => n + l.leaders, 0)).toBe(partitions);
    s.brokers["1"]!.status = "offline";
    const one = brokerLoads(s).find((l) => l.id === 1)!;
    expect(one.leaders + one.inSync + one.outOfSync).toBe(0);
    expect(one.offline).toBeGreaterThan(0);
  });

  it("a small cluster is drawn in detail; many brokers switch to the compact picture", () => {
    const s = stateAt(0);
    expect(wantsCompact(s)).toBe(false);
    const b = s.brokers["1"]!;
    for (let id = 100; id < 113; id++) s.brokers[String(id)] = { ...b, id };
    expect(wantsCompact(s)).toBe(true);
  });
});
