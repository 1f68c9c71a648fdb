import { describe, expect, it } from "vitest";
import {
  advanceServicesRun,
  createServicesRun,
  createServicesStore,
  issueServicesCommand,
  seekServicesRun,
  servicesPresets,
  sideFigures,
  type ServicesRun,
} from "../../src/store/index.ts";

function fresh(id: string): ServicesRun {
  const preset = servicesPresets().find((p) => p.id === id)!;
  const created = createServicesRun(preset);
  if (!created.ok) throw new Error(created.errors.join(" "));
  return created.run;
}

const snapshot = (run: ServicesRun) => run.sides.map((s) => JSON.stringify(s.state));

describe("services comparison run", () => {
  it("both sides advance together and see the same messages", () => {
    const run = fresh("peak");
    expect(advanceServicesRun(run, 7000)).toBeNull();
    const [a, b] = run.sides;
    expect(a.state.time).toBe(7000);
    expect(b.state.time).toBe(7000);
    expect(a.state.metrics.messages).toBe(b.state.metrics.messages);
  });

  it("seeking back lands on exactly the state of a straight run to the same time", () => {
    const run = fresh("receiver-down");
    advanceServicesRun(run, 12_345);
    expect(seekServicesRun(run, 5_555)).toBeNull();
    const straight = fresh("receiver-down");
    advanceServicesRun(straight, 5_555);
    expect(snapshot(run)).toEqual(snapshot(straight));
  });

  it("a user's command is replayed when seeking across it, and the run stops at its end", () => {
    const run = fresh("calm");
    advanceServicesRun(run, 3000);
    expect(issueServicesCommand(run, { type: "stopReceiver", receiver: "orders-1" })).toBeNull();
    advanceServicesRun(run, 9000);
    const there = snapshot(run);
    seekServicesRun(run, 1000);
    seekServicesRun(run, 9000);
    expect(snapshot(run)).toEqual(there);
    expect(run.sides[0].state.receivers["orders-1"]!.up).toBe(false);
    advanceServicesRun(run, 1e9);
    expect(run.sides[0].state.time).toBe(run.durationMs);
  });

  it("an unknown receiver is refused with a readable message and changes nothing", () => {
    const run = fresh("calm");
    advanceServicesRun(run, 1000);
    const before = run.sides.map((s) => JSON.stringify(s.state.metrics));
    expect(issueServicesCommand(run, { type: "stopReceiver", receiver: "nope-1" })).toMatch(
      /no receiver called nope-1/,
    );
    expect(run.sides.map((s) => JSON.stringify(s.state.metrics))).toEqual(before);
  });

  it("the store plays at its speed, pauses at the end, and an unknown situation falls back with a message", () => {
    const store = createServicesStore("does-not-exist");
    expect(store.getState().error).toMatch(/no situation called "does-not-exist"/);
    store.getState().choose("fan-out");
    expect(store.getState().run.preset.id).toBe("fan-out");
    store.getState().setSpeed(4);
    store.getState().play();
    store.getState().tick(100);
    expect(store.getState().run.sides[0].state.time).toBe(400);
    store.getState().seek(29_900);
    store.getState().tick(100);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().run.sides[1].state.time).toBe(30_000);
  });

  it("live figures keep exact percentiles as deliveries arrive, frame by frame", () => {
    const run = fresh("slow-receiver");
    const nearestRank = (xs: number[], p: number) =>
      [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)];
    for (let t = 500; t <= 12_000; t += 731) {
      advanceServicesRun(run, t);
      for (const side of run.sides) {
        const f = sideFigures(side.state);
        const all = side.state.metrics.latencies;
        expect(f.p50).toBe(nearestRank(all, 0.5));
        expect(f.p99).toBe(nearestRank(all, 0.99));
        expect(f.delivered).toBe(side.state.metrics.delivered);
      }
    }
  });
});
