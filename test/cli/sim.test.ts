// The headless runner as a user runs it: a child process, its stdout, stderr and exit code.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sim(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "src/cli/sim.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const keys = (o: object) => Object.keys(o).sort();

describe("npm run sim", () => {
  it("--json prints exactly one JSON document with the documented fields", () => {
    const { code, stdout, stderr } = sim(
      "scenarios/acks1-loss-on-failover.json",
      "--until",
      "60000",
      "--json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      time: number;
      brokers: Record<string, unknown>[];
      topics: { name: string; partitions: Record<string, unknown>[] }[];
      producers: Record<string, unknown>[];
      audit: {
        acknowledged: number;
        lost: Record<string, unknown>[];
        duplicates: unknown[];
        orderViolations: unknown[];
      };
    };
    expect(keys(doc)).toEqual(["audit", "brokers", "groups", "producers", "time", "topics"]);
    expect(doc.time).toBe(60000);
    expect(doc.brokers.map(keys)).toEqual(Array(3).fill(["alive", "controller", "id"]));
    expect(doc.brokers.map((b) => [b.id, b.alive])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(doc.brokers.filter((b) => b.controller)).toHaveLength(1);
    expect(doc.topics.map(keys)).toEqual([["name", "partitions"]]);
    const partition = doc.topics[0]!.partitions[0]!;
    expect(keys(partition)).toEqual([
      "highWatermark",
      "isr",
      "leader",
      "leaderEpoch",
      "logEndOffsets",
      "logStartOffset",
      "partition",
      "replicas",
    ]);
    expect(partition).toMatchObject({
      partition: 0,
      leader: 2,
      replicas: [1, 2, 3],
      leaderEpoch: 1,
    });
    expect(keys(partition.logEndOffsets as object)).toEqual(["1", "2", "3"]);
    expect(doc.producers.map(keys)).toEqual([["acknowledged", "errors", "failed", "id", "sent"]]);
    expect(keys(doc.audit)).toEqual([
      "acknowledged",
      "duplicates",
      "lost",
      "orderViolations",
      "redelivered",
    ]);
    expect(doc.audit.lost.length).toBeGreaterThan(0);
    expect(keys(doc.audit.lost[0]!)).toEqual(["cause", "key", "offset", "partition", "topic"]);
    expect(doc.audit.lost[0]!.cause).toMatch(/^acks=1: /);
    expect(doc.audit.acknowledged).toBeGreaterThan(1000);
  });

  it("accepts a built-in scenario by name and prints the human summary", () => {
    const { code, stdout } = sim("acks-all-min-isr", "--until", "40000");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scenario: acks=all with min\.insync\.replicas=2 \(seed 7\)$/m);
    expect(stdout).toMatch(
      /^\tTopic: orders +Partition: 0 +Leader: 1 +Replicas: 2,3,1 +Isr: 1 +LeaderEpoch: 2 +LogStartOffset: 0 +HW: \d+ +LEO: 2=\d+ 3=\d+ 1=\d+$/m,
    );
    expect(stdout).toMatch(/retried after: .*NotEnoughReplicas \d+/);
    expect(stdout).toMatch(/^ {2}lost: none$/m);
  });

  it("--events prints the plain-language trace before the summary", () => {
    const { code, stdout } = sim("rf1-partition-offline", "--until", "20000", "--events");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\[ +10\.000 s\] Broker 2 crashed\./m);
    expect(stdout).toMatch(/clicks-1 is offline/);
    expect(stdout.indexOf("Events")).toBeLessThan(stdout.indexOf("Scenario:"));
  });

  it("a bad scenario file gives exit code 2 and one readable problem per line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "brokerlab-"));
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        name: "bad",
        brokers: 3,
        topics: [{ name: "orders", partitions: 3, replicationFactor: 4 }],
        producers: [{ id: "p", topic: "payments" }],
        timeline: [{ at: 1000, do: "killBroker", broker: 7 }],
      }),
    );
    const { code, stdout, stderr } = sim(file, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      `${file}: 3 problems`,
      "topics[0].replicationFactor: 4 is larger than the number of brokers (3): InvalidReplicationFactorException, each replica of a partition needs its own broker",
      'producers[0].topic: no topic named "payments"',
      "timeline[0].broker: there is no broker 7 (the brokers are 1, 2, 3)",
    ]);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it("broken JSON, a missing file and bad arguments also exit with 2", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "brokerlab-"));
    const file = path.join(dir, "broken.json");
    writeFileSync(file, '{"version": 1,');
    const broken = sim(file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^not valid JSON: /m);
    const missing = sim("no-such-scenario");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file, and no built-in scenario of that name/);
    const badUntil = sim("default", "--until", "soon");
    expect(badUntil.code).toBe(2);
    expect(badUntil.stderr).toMatch(/^--until needs a virtual time in milliseconds/);
  });
});
