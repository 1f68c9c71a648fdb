import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceTo, audit, createSimulation, recordAt } from "../../src/engine/index.ts";
import { SETTLE_MS, scenarioArb } from "../helpers/simArbitrary.ts";

const WINDOW_MS = 40_000;

/**
 * The auditor checked against the logs themselves, after the faults are healed and the cluster
 * has settled: every acknowledged record it still tracks is in its leader's log at the offset it
 * was acknowledged at (one it found gone is in the lost list instead), and every acknowledged
 * record is accounted for exactly once. A partition left without a leader, or whose log start
 * moved (retention: gone by design), is not looked up.
 */
describe("the auditor against the logs", () => {
  it("tracks only records the leader's log still holds, and counts each acknowledged record once: kept, lost or retired", () => {
    fc.assert(
      fc.property(scenarioArb({ faultWindowMs: WINDOW_MS, maxFaults: 14 }), (spec) => {
        const created = createSimulation(spec);
        if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
        const s = created.state;
        advanceTo(s, WINDOW_MS + SETTLE_MS);
        const report = audit(s);
        let tracked = 0;
        for (const t of Object.values(s.topics))
          for (const p of t.partitions) {
            const ledger = s.audit.ledgers[`${p.topic}-${p.partition}`];
            const entries = (ledger?.entries ?? []).flat();
            tracked += entries.length;
            const leader = p.replicaStates[p.leader];
            if (!leader || leader.logStartOffset > 0 || t.config.cleanupPolicy !== "delete")
              continue;
            const missing = entries
              .filter((e) => recordAt(leader, e.offset)?.recordId !== e.recordId)
              .map((e) => `${p.topic}-${p.partition}@${e.offset} from ${e.ack.producer}`);
            expect(missing).toEqual([]);
          }
        expect(report.acknowledged).toBe(tracked + report.lost.length + s.audit.retired);
      }),
      { numRuns: 40 },
    );
  });
});
