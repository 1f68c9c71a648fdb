import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceTo, createSimulation, readRecords } from "../../src/engine/index.ts";
import { SETTLE_MS, scenarioArb } from "../helpers/simArbitrary.ts";

const WINDOW_MS = 40_000;

describe("the log cleaner under random faults", () => {
  it("below where a replica last cleaned, a compacted log holds each key at most once", () => {
    // Counted over all runs: the property must have met logs the cleaner actually cleaned.
    let cleanedLogs = 0;
    fc.assert(
      fc.property(scenarioArb({ faultWindowMs: WINDOW_MS, maxFaults: 10 }), (spec) => {
        const created = createSimulation(spec);
        if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
        const s = created.state;
        for (let t = 5_000; t <= WINDOW_MS + SETTLE_MS; t += 5_000) {
          advanceTo(s, t);
          for (const topic of Object.values(s.topics)) {
            if (topic.config.cleanupPolicy === "delete") continue;
            for (const p of topic.partitions)
              for (const r of Object.values(p.replicaStates)) {
                const cleaned = Math.min(r.lastCleanedOffset, r.logEndOffset);
                if (cleaned > r.logStartOffset) cleanedLogs++;
                const seen = new Set<string>();
                for (const rec of readRecords(r, r.logStartOffset, cleaned, Infinity)) {
                  if (rec.key === null) continue;
                  expect(
                    seen.has(rec.key),
                    `${p.topic}-${p.partition} on ${r.brokerId}: key ${rec.key} twice below ${cleaned} at ${t}`,
                  ).toBe(false);
                  seen.add(rec.key);
                }
              }
          }
        }
      }),
      { numRuns: 30 },
    );
    expect(cleanedLogs).toBeGreaterThan(0);
  });
});
