import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceTo,
  cloneState,
  createSimulation,
  type SimEvent,
  type SimState,
} from "../../src/engine/index.ts";
import {
  GROUP_HORIZON_MS,
  groupScenarioArb,
  type GroupScenario,
} from "../helpers/groupArbitrary.ts";

const STEP_MS = 50;

function start(s: GroupScenario): SimState {
  const created = createSimulation(structuredClone(s.spec));
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
  return created.state;
}

/** Partitions owned by two live consumers of one group at the same moment, if any. */
function doubleOwners(state: SimState): string | null {
  const seen: Record<string, string> = {};
  for (const c of Object.values(state.consumers)) {
    if (c.status === "crashed") continue;
    for (const pk of c.assignment) {
      const key = `${c.groupId}/${pk}`;
      if (seen[key]) return `${key} owned by ${seen[key]} and ${c.id} at ${state.time}`;
      seen[key] = c.id;
    }
  }
  return null;
}

function subscribedPartitions(state: SimState, groupId: string): string[] {
  const topics = new Set<string>();
  for (const c of Object.values(state.consumers))
    if (c.groupId === groupId) c.topics.forEach((t) => topics.add(t));
  return [...topics].flatMap((t) => state.topics[t]!.partitions.map((p) => `${t}-${p.partition}`));
}

describe("consumer groups, over random groups and join/leave/crash schedules", () => {
  it("no partition ever has two owners in a group, and a stable group at the end owns each exactly once", () => {
    fc.assert(
      fc.property(groupScenarioArb(), (s) => {
        const state = start(s);
        for (let t = STEP_MS; t <= GROUP_HORIZON_MS; t += STEP_MS) {
          expect(advanceTo(state, t).ok).toBe(true);
          expect(doubleOwners(state)).toBeNull();
        }
        for (const g of Object.values(state.groups)) {
          if (g.state !== "Stable") continue;
          const owned = Object.values(g.members)
            .flatMap((m) => m.assignment)
            .sort();
          expect(owned, g.groupId).toEqual(subscribedPartitions(state, g.groupId).sort());
        }
      }),
      { numRuns: 20 },
    );
  });

  it("each group sees every record below the HW at least once, in offset order per partition, and none at or above the HW", () => {
    fc.assert(
      fc.property(groupScenarioArb(), (s) => {
        const state = start(s);
        const events: SimEvent[] = [];
        expect(advanceTo(state, GROUP_HORIZON_MS, { events, detail: true }).ok).toBe(true);
        const upTo: Record<string, number> = {};
        for (const e of events) {
          if (e.type !== "recordsConsumed") continue;
          const key = `${e.groupId}/${e.partition}`;
          // A poll never skips ahead of what the group has already seen (no gaps).
          expect(e.firstOffset, key).toBeLessThanOrEqual(upTo[key] ?? 0);
          upTo[key] = Math.max(upTo[key] ?? 0, e.firstOffset + e.count);
        }
        for (const g of Object.values(state.groups)) {
          expect(g.aboveHighWatermark).toBe(0);
          for (const pk of subscribedPartitions(state, g.groupId)) {
            const i = pk.lastIndexOf("-");
            const p = state.topics[pk.slice(0, i)]!.partitions[Number(pk.slice(i + 1))]!;
            const hw = p.replicaStates[String(p.leader)]?.highWatermark ?? 0;
            expect(g.deliveredUpTo[pk] ?? 0, `${g.groupId} ${pk}`).toBeGreaterThanOrEqual(hw);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it("is deterministic, and a cloneState checkpoint continues exactly like the original", () => {
    fc.assert(
      fc.property(
        groupScenarioArb(),
        fc.integer({ min: 1000, max: GROUP_HORIZON_MS }),
        (s, mid) => {
          const a = start(s);
          const b = start(s);
          const ea: SimEvent[] = [];
          const eb: SimEvent[] = [];
          advanceTo(a, mid, { events: ea, detail: true });
          advanceTo(b, mid, { events: eb, detail: true });
          const copy = cloneState(a);
          const ec: SimEvent[] = [];
          advanceTo(a, GROUP_HORIZON_MS, { events: ea, detail: true });
          advanceTo(b, GROUP_HORIZON_MS, { events: eb, detail: true });
          advanceTo(copy, GROUP_HORIZON_MS, { events: ec, detail: true });
          expect(JSON.stringify(eb)).toBe(JSON.stringify(ea));
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          expect(JSON.stringify(copy)).toBe(JSON.stringify(a));
          expect(JSON.stringify(ec)).toBe(JSON.stringify(ea.slice(ea.length - ec.length)));
        },
      ),
      { numRuns: 12 },
    );
  });
});
