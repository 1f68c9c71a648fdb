import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceTo, audit, createSimulation, type SimulationSpec } from "../../src/engine/index.ts";
import { SETTLE_MS, scenarioArb } from "../helpers/simArbitrary.ts";

const WINDOW_MS = 40_000;
const HORIZON = WINDOW_MS + SETTLE_MS;

interface Outcome {
  acknowledged: number;
  lost: string[];
  leaderless: string[];
}

function runAndAudit(spec: SimulationSpec): Outcome {
  const created = createSimulation(spec);
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
  const lost: string[] = [];
  // Audit along the way too: a loss is reported when it happens, not only at the end.
  for (let t = 10_000; t <= HORIZON; t += 10_000) {
    const result = advanceTo(created.state, t);
    if (!result.ok) throw new Error(result.error.message);
    for (const l of audit(created.state).lost)
      lost.push(`${l.topic}-${l.partition}@${l.offset} at ${t}: ${l.cause}`);
  }
  const leaderless = Object.values(created.state.topics)
    .flatMap((t) => t.partitions)
    .filter((p) => p.leader < 0)
    .map((p) => `${p.topic}-${p.partition}`);
  return { acknowledged: audit(created.state).acknowledged, lost, leaderless };
}

describe("durability", () => {
  it("with acks=all, min.insync.replicas >= 2 and unclean election off, no acknowledged record is ever lost, whatever the faults", () => {
    fc.assert(
      fc.property(
        scenarioArb({ durable: true, faultWindowMs: WINDOW_MS, maxFaults: 14, maxRate: 25 }),
        (spec) => {
          const outcome = runAndAudit(spec);
          expect(outcome.lost).toEqual([]);
          // Once everything is restarted and healed, every partition has a leader again, so the
          // audit has checked every acknowledged record against a live log.
          expect(outcome.leaderless).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("the same faults with acks=1 and unclean election allowed do lose records (the property can fail)", () => {
    // A witness that the durable property is not vacuous: the generator's faults do cause
    // losses once the durable settings are dropped.
    const risky = scenarioArb({ faultWindowMs: WINDOW_MS, maxFaults: 14 }).map((spec) => ({
      ...spec,
      topics: spec.topics.map((t) => ({
        ...t,
        config: { ...t.config, uncleanLeaderElectionEnable: true, minInsyncReplicas: 1 },
      })),
      producers: spec.producers.map((p) => ({
        ...p,
        config: { ...p.config, acks: 1 as const, enableIdempotence: false },
      })),
    }));
    const samples = fc.sample(risky, { numRuns: 20, seed: 42 });
    const losing = samples.filter((spec) => runAndAudit(spec).lost.length > 0);
    expect(losing.length).toBeGreaterThan(0);
  });
});
