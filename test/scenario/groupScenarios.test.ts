// The consumer-group scenarios of the library show what they promise, as the CLI's group table
// and audit show it to a student.

import { describe, expect, it } from "vitest";
import {
  advanceTo,
  audit,
  createSimulation,
  groupOffsets,
  type SimEvent,
  type SimState,
} from "../../src/engine/index.ts";
import { findBuiltinScenario, formatProblem, validateScenario } from "../../src/scenario/index.ts";

function run(id: string, until?: number): { state: SimState; events: SimEvent[] } {
  const builtin = findBuiltinScenario(id)!;
  const validated = validateScenario(builtin.document);
  if (!validated.ok) throw new Error(validated.problems.map(formatProblem).join("\n"));
  const created = createSimulation(validated.spec);
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("\n"));
  const events: SimEvent[] = [];
  expect(advanceTo(created.state, until ?? builtin.until, { events }).ok).toBe(true);
  return { state: created.state, events };
}

const assignment = (s: SimState, id: string): string[] => s.consumers[id]!.assignment;

describe("consumer-group scenarios", () => {
  it("queue versus pub-sub: billing splits the partitions, analytics reads them all", () => {
    const { state } = run("queue-vs-pubsub");
    expect(assignment(state, "billing-1").length + assignment(state, "billing-2").length).toBe(4);
    expect(assignment(state, "billing-1").length).toBe(2);
    expect(assignment(state, "analytics-1")).toHaveLength(4);
    for (const g of ["billing", "analytics"])
      for (const o of groupOffsets(state, g)) expect(o.committed, g).toBeGreaterThan(0);
  });

  it("idle member: one of four members has no partition until a busy one crashes", () => {
    const early = run("idle-member", 15000).events.filter((e) => e.type === "groupStable");
    expect(early.at(-1)).toMatchObject({ idle: ["fraud-check-4"] });
    const { state, events } = run("idle-member");
    const last = events.filter((e) => e.type === "groupStable").at(-1);
    expect(last).toMatchObject({ idle: [] });
    expect(assignment(state, "fraud-check-4")).toHaveLength(1);
  });

  it("slow consumer: the group's lag grows, then falls after a second member joins", () => {
    const { state } = run("slow-consumer-lag");
    const lag = state.groups["reports"]!.lag;
    const at = (t: number): number => lag.find((x) => x.time >= t)!.lag;
    expect(at(28000)).toBeGreaterThan(at(10000) + 200);
    expect(at(59000)).toBeLessThan(at(30000));
  });

  it("crash before commit: the records after the last commit are delivered again, with the cause", () => {
    const { state } = run("crash-before-commit");
    const r = audit(state).redelivered.find((x) => x.groupId === "invoices")!;
    expect(r.count).toBeGreaterThan(0);
    expect(r.examples[0]!.cause).toBe("invoices-1 crashed before committing");
  });

  it("eager revokes every partition; cooperative only those that move", () => {
    const { events } = run("eager-vs-cooperative");
    const revoked = (g: string): number =>
      events
        .filter((e) => e.type === "partitionsRevoked" && e.groupId === g && e.time >= 20000)
        .reduce((n, e) => n + (e.type === "partitionsRevoked" ? e.partitions.length : 0), 0);
    expect(revoked("eager")).toBe(6);
    expect(revoked("coop")).toBe(2);
  });

  it("static membership: a restart within the session timeout keeps the generation", () => {
    const mid = run("static-membership", 30000);
    expect(mid.state.groups["ledger"]!.generation).toBe(1);
    expect(mid.events.some((e) => e.type === "staticMemberRejoined")).toBe(true);
    const { state, events } = run("static-membership");
    expect(events.some((e) => e.type === "memberEvicted" && e.consumer === "ledger-3")).toBe(true);
    expect(state.groups["ledger"]!.generation).toBe(2);
  });
});
