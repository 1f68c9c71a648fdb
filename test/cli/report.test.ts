// The runner's pure parts: argument parsing, the JSON report and the text summary.

import { describe, expect, it } from "vitest";
import { parseArgs, DEFAULT_UNTIL_MS } from "../../src/cli/args.ts";
import { configOverrides, describeRun, partitionRows } from "../../src/cli/describe.ts";
import { jsonReport } from "../../src/cli/jsonReport.ts";
import { partitionSummary } from "../../src/cli/report.ts";
import { runSpec } from "../../src/cli/run.ts";
import { DEFAULT_TOPIC_CONFIG, type PartitionState } from "../../src/engine/index.ts";
import { loadBuiltinScenario } from "../../src/scenario/index.ts";

function runBuiltin(id: string, until: number) {
  const loaded = loadBuiltinScenario(id);
  if (!loaded?.ok) throw new Error(`cannot load ${id}`);
  const result = runSpec(loaded.spec, { until });
  if (!result.ok) throw new Error(`cannot run ${id}`);
  return result.outcome;
}

describe("parseArgs", () => {
  it("reads a scenario, --until and the flags", () => {
    expect(parseArgs(["x.json"])).toEqual({
      kind: "run",
      args: {
        scenario: "x.json",
        until: DEFAULT_UNTIL_MS,
        json: false,
        events: false,
        detail: false,
      },
    });
    expect(parseArgs(["--json", "--until=5000", "x.json", "--detail"])).toEqual({
      kind: "run",
      args: { scenario: "x.json", until: 5000, json: true, events: true, detail: true },
    });
  });

  it("turns usage mistakes into messages", () => {
    expect(parseArgs([])).toMatchObject({ kind: "error" });
    expect(parseArgs(["a", "b"])).toMatchObject({ kind: "error" });
    expect(parseArgs(["a", "--until"])).toMatchObject({ kind: "error" });
    expect(parseArgs(["a", "--until", "-5"])).toMatchObject({ kind: "error" });
    expect(parseArgs(["a", "--frobnicate"])).toEqual({
      kind: "error",
      message: "unknown option --frobnicate",
    });
    expect(parseArgs(["--help"])).toEqual({ kind: "help" });
  });
});

describe("the reports", () => {
  it("takes an offline partition's offsets from its best replica and says which", () => {
    const replica = (brokerId: number, highWatermark: number, logEndOffset: number) => ({
      brokerId,
      highWatermark,
      logEndOffset,
      logStartOffset: 3,
    });
    const p = {
      topic: "t",
      partition: 0,
      replicas: [1, 2, 3],
      leader: -1,
      leaderEpoch: 4,
      isr: [1],
      replicaStates: { "1": replica(1, 10, 12), "2": replica(2, 14, 14), "3": replica(3, 14, 16) },
    } as unknown as PartitionState;
    expect(partitionSummary(p)).toEqual({
      partition: 0,
      leader: -1,
      replicas: [1, 2, 3],
      isr: [1],
      leaderEpoch: 4,
      logStartOffset: 3,
      highWatermark: 14,
      offsetsFrom: 3,
      logEndOffsets: { "1": 12, "2": 14, "3": 16 },
    });
    expect(partitionRows("t", [partitionSummary(p)])[0]).toMatch(
      /Leader: none .* LEO: 1=12 2=14 3=16 {2}\(offline; offsets from broker 3\)$/,
    );
  });

  it("lists only a topic's overrides, with Kafka's names", () => {
    expect(configOverrides(DEFAULT_TOPIC_CONFIG)).toBe("");
    expect(
      configOverrides({ ...DEFAULT_TOPIC_CONFIG, minInsyncReplicas: 2, cleanupPolicy: "compact" }),
    ).toBe("min.insync.replicas=2,cleanup.policy=compact");
  });

  it("the JSON report and the summary agree on a run with losses", () => {
    const outcome = runBuiltin("acks1-loss-on-failover", 60000);
    const json = jsonReport(outcome.state, outcome.audit);
    expect(json.audit.lost).toHaveLength(outcome.audit.lost.length);
    const text = describeRun(outcome);
    expect(text).toContain(`LOST: ${json.audit.lost.length} acknowledged records`);
    expect(text).toMatch(/\.\.\. and \d+ more \(--json lists them all\)/);
    expect(text).toMatch(/^ {2}broker 1: down$/m);
    const leo = json.topics[0]!.partitions[0]!.logEndOffsets;
    expect(text).toContain(`LEO: 1=${leo["1"]} 2=${leo["2"]} 3=${leo["3"]}`);
  });

  it("duplicates are listed with their counts, per producer in the summary", () => {
    const outcome = runBuiltin("idempotence-prevents-duplicates", 60000);
    const json = jsonReport(outcome.state, outcome.audit);
    expect(json.audit.duplicates.length).toBeGreaterThan(0);
    expect(Object.keys(json.audit.duplicates[0]!).sort()).toEqual([
      "count",
      "offset",
      "originalOffset",
      "partition",
      "producer",
      "topic",
    ]);
    const records = json.audit.duplicates.reduce((n, d) => n + d.count, 0);
    expect(describeRun(outcome)).toContain(`duplicates: ${records} records written twice`);
  });

  it("counts the records retried after each error", () => {
    const outcome = runBuiltin("acks-all-min-isr", 40000);
    expect(outcome.retries.checkout?.NotEnoughReplicas).toBeGreaterThan(0);
    expect(outcome.stalled).toBeNull();
  });
});
