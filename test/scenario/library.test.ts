// Every built-in scenario runs to its intended time and shows what its name promises, as a
// student would see it in the audit and the partition table.

import { describe, expect, it } from "vitest";
import {
  advanceTo,
  audit,
  createSimulation,
  readRecords,
  type AuditReport,
  type SimEvent,
  type SimState,
} from "../../src/engine/index.ts";
import {
  BUILTIN_SCENARIOS,
  findBuiltinScenario,
  formatProblem,
  validateScenario,
} from "../../src/scenario/index.ts";

interface Run {
  state: SimState;
  report: AuditReport;
  events: SimEvent[];
}

function start(document: unknown): SimState {
  const validated = validateScenario(document);
  if (!validated.ok) throw new Error(validated.problems.map(formatProblem).join("\n"));
  const created = createSimulation(validated.spec);
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("\n"));
  return created.state;
}

function run(id: string, document?: unknown): Run {
  const builtin = findBuiltinScenario(id);
  if (!builtin) throw new Error(`no built-in scenario ${id}`);
  const state = start(document ?? builtin.document);
  const events: SimEvent[] = [];
  const result = advanceTo(state, builtin.until, { events });
  expect(result.ok).toBe(true);
  return { state, report: audit(state), events };
}

const copyOf = (id: string): Record<string, unknown> =>
  JSON.parse(JSON.stringify(findBuiltinScenario(id)!.document)) as Record<string, unknown>;

function partitionsOf(state: SimState) {
  return Object.values(state.topics).flatMap((t) => t.partitions);
}

function retried(events: readonly SimEvent[], producer: string, error: string): number {
  let n = 0;
  for (const e of events)
    if (e.type === "produceRetried" && e.producer === producer && e.error === error) n += e.count;
  return n;
}

function leaderLog(state: SimState, topic: string, partition = 0) {
  const p = state.topics[topic]!.partitions[partition]!;
  const r = p.replicaStates[String(p.leader)]!;
  return { replica: r, records: readRecords(r, r.logStartOffset, r.logEndOffset, Infinity) };
}

describe("the built-in library", () => {
  it("lists every file in teaching order, starting with the app's default", () => {
    const ids = BUILTIN_SCENARIOS.map((s) => s.id);
    expect(ids[0]).toBe("default");
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of BUILTIN_SCENARIOS) {
      expect(s.summary.length, s.id).toBeGreaterThan(80);
      const document = s.document as { description?: string; name?: string };
      expect(document.description?.length ?? 0, s.id).toBeGreaterThan(200);
      expect(document.name, s.id).toBe(s.title);
    }
  });

  it("finds a scenario by id, with or without .json", () => {
    expect(findBuiltinScenario("zombie-leader.json")?.id).toBe("zombie-leader");
    expect(findBuiltinScenario("nope")).toBeUndefined();
  });
});

describe("each built-in scenario shows its effect", () => {
  it("default: a healthy cluster loses nothing and keeps every replica in sync", () => {
    const { state, report } = run("default");
    expect(report.lost).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(250);
    for (const p of partitionsOf(state)) expect([...p.isr].sort()).toEqual([...p.replicas].sort());
    expect(Object.values(state.producers).every((p) => p.failed === 0)).toBe(true);
  });

  it("classroom: six brokers and two groups run clean, every partition owned once per group", () => {
    const { state, report } = run("classroom");
    expect(report.lost).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(2500);
    for (const p of partitionsOf(state).filter((p) => !p.topic.startsWith("__")))
      expect([...p.isr].sort()).toEqual([...p.replicas].sort());
    const expected = { fulfilment: ["orders"], audit: ["orders", "payments"] };
    for (const [groupId, topics] of Object.entries(expected)) {
      const g = state.groups[groupId]!;
      expect(g.state, groupId).toBe("Stable");
      const owned = Object.values(g.members).flatMap((m) => m.assignment);
      const all = topics.flatMap((t) => [0, 1, 2, 3, 4, 5].map((p) => `${t}-${p}`));
      expect([...owned].sort(), groupId).toEqual([...all].sort());
    }
  });

  it("rf1-partition-offline: the crashed broker's only replica takes its partition offline", () => {
    const { state, report, events } = run("rf1-partition-offline");
    const offline = partitionsOf(state).filter((p) => p.leader < 0);
    expect(offline.map((p) => [p.partition, p.replicas])).toEqual([[1, [2]]]);
    expect(events.some((e) => e.type === "partitionOffline")).toBe(true);
    expect(state.producers.web!.errors.TimeoutException).toBeGreaterThan(0);
    expect(report.lost).toEqual([]);
  });

  it("acks1-loss-on-failover: acknowledged acks=1 records no follower had are lost", () => {
    const { state, report } = run("acks1-loss-on-failover");
    expect(report.lost.length).toBeGreaterThan(0);
    for (const l of report.lost) {
      expect(l.cause).toMatch(/^acks=1: leader 1 crashed before any follower fetched offset/);
      expect(l.producer).toBe("checkout");
    }
    expect(state.topics.orders!.partitions[0]!.leader).toBe(2);
  });

  it("acks-all-min-isr: survives one crash, refuses writes with NotEnoughReplicas after two, loses nothing", () => {
    const builtin = findBuiltinScenario("acks-all-min-isr")!;
    const state = start(builtin.document);
    const events: SimEvent[] = [];
    advanceTo(state, 29000, { events });
    const p = state.topics.orders!.partitions[0]!;
    expect(p.leader).toBe(3);
    const ackedAfterFirstCrash = state.producers.checkout!.acknowledged;
    expect(ackedAfterFirstCrash).toBeGreaterThan(250);
    advanceTo(state, 44000, { events });
    expect(p.isr).toEqual([1]);
    expect(retried(events, "checkout", "NotEnoughReplicas")).toBeGreaterThan(0);
    expect(state.producers.checkout!.errors.TimeoutException).toBeGreaterThan(0);
    const ackedWhileRefused = state.producers.checkout!.acknowledged;
    advanceTo(state, builtin.until, { events });
    // Broker 2 is back in the ISR, so writes succeed again.
    expect(state.producers.checkout!.acknowledged).toBeGreaterThan(ackedWhileRefused + 50);
    expect(audit(state).lost).toEqual([]);
  });

  it("unclean-election-loses-data: the out-of-sync leader lacks what the old one acknowledged", () => {
    const { report, events } = run("unclean-election-loses-data");
    expect(report.lost.length).toBeGreaterThan(0);
    for (const l of report.lost) expect(l.cause).toMatch(/^unclean leader election/);
    expect(events.some((e) => e.type === "leaderElected" && e.election === "unclean")).toBe(true);
  });

  it("zombie-leader: the isolated leader's acks=1 writes are lost, the acks=all ones are not", () => {
    const { report } = run("zombie-leader");
    expect(report.lost.length).toBeGreaterThan(0);
    expect(new Set(report.lost.map((l) => l.producer))).toEqual(new Set(["fast"]));
    expect(report.lost.every((l) => l.cause.startsWith("acks=1"))).toBe(true);
    expect(report.lost.some((l) => l.cause.includes("still acted as leader"))).toBe(true);
  });

  it("idempotence-prevents-duplicates: retries duplicate records only without idempotence", () => {
    const { report, events } = run("idempotence-prevents-duplicates");
    const duplicates = (producer: string) =>
      report.duplicates.filter((d) => d.producer === producer).reduce((n, d) => n + d.count, 0);
    expect(duplicates("plain")).toBeGreaterThan(0);
    expect(duplicates("safe")).toBe(0);
    expect(retried(events, "safe", "RequestTimedOut")).toBeGreaterThan(0);
    expect(events.some((e) => e.type === "duplicateDropped" && e.producer === "safe")).toBe(true);
    expect(report.lost).toEqual([]);
  });

  it("preferred-leader-after-restart: every partition is led by its first replica again", () => {
    const { state, report, events } = run("preferred-leader-after-restart");
    for (const p of partitionsOf(state)) {
      expect(p.leader).toBe(p.replicas[0]);
      expect([...p.isr].sort()).toEqual([...p.replicas].sort());
    }
    expect(report.lost).toEqual([]);
    expect(state.producers.checkout!.failed).toBe(0);
    expect(events.some((e) => e.type === "leaderElected" && e.election === "preferred")).toBe(true);
    expect(partitionsOf(state).some((p) => p.leaderEpoch >= 2)).toBe(true);
  });

  it("retention-deletes-segments: old segments go, the log start offset moves, nothing is lost", () => {
    const { state, report, events } = run("retention-deletes-segments");
    const p = state.topics.clicks!.partitions[0]!;
    for (const id of p.replicas)
      expect(p.replicaStates[String(id)]!.logStartOffset).toBeGreaterThan(0);
    expect(events.some((e) => e.type === "segmentsDeleted" && e.reason === "retention.ms")).toBe(
      true,
    );
    expect(report.retired).toBeGreaterThan(0);
    expect(report.lost).toEqual([]);
  });

  it("compaction-keeps-latest: fewer records than produced, the latest of each key kept, the tombstone gone", () => {
    const compacted = run("compaction-keeps-latest");
    // The same run without the cleaner: what was written, for the ground truth.
    const plain = copyOf("compaction-keeps-latest");
    (plain.topics as { config: Record<string, unknown> }[])[0]!.config["cleanup.policy"] = "delete";
    const written = leaderLog(run("compaction-keeps-latest", plain).state, "user-profiles").records;
    const kept = leaderLog(compacted.state, "user-profiles").records;

    expect(kept.length).toBeLessThan(written.length / 2);
    expect(kept.length).toBeLessThan(compacted.state.producers.profiles!.acknowledged);
    const latest = new Map<string, { offset: number; value: string | null }>();
    for (const r of written) latest.set(r.key!, { offset: r.offset, value: r.value });
    expect(latest.get("carol")?.value).toBeNull();
    for (const [key, last] of latest) {
      const found = kept.filter((r) => r.key === key);
      if (key === "carol")
        expect(found).toEqual([]); // tombstone removed after delete.retention.ms
      else expect(found.at(-1)).toMatchObject(last);
    }
    expect(compacted.events.some((e) => e.type === "logCompacted" && e.tombstonesRemoved > 0)).toBe(
      true,
    );
    expect(compacted.report.retired).toBeGreaterThan(0);
    expect(compacted.report.lost).toEqual([]);
  });
});
