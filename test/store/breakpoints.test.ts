import { describe, expect, it } from "vitest";
import {
  breakpointOf,
  createBreakpointStore,
  firstBreakpointHit,
  openBuiltinScenario,
  watchBreakpoints,
  type SimEvent,
  type SimStoreApi,
} from "../../src/store/index.ts";

const elected = (time: number, election: "initial" | "clean" = "clean"): SimEvent => ({
  type: "leaderElected",
  time,
  topic: "orders",
  partition: 0,
  leader: 2,
  previousLeader: 1,
  leaderEpoch: 1,
  election,
  isr: [2, 3],
});
const lost = (time: number): SimEvent => ({
  type: "recordsLost",
  time,
  topic: "orders",
  partition: 0,
  offsets: [4],
  count: 1,
  cause: "acks=1",
});
const killed = (time: number): SimEvent => ({ type: "brokerKilled", time, broker: 1 });

describe("which events trip a breakpoint", () => {
  it("a leader change is a new leader or none, not a topic's first leader", () => {
    expect(breakpointOf(elected(5), ["leaderChange"])).toBe("leaderChange");
    expect(breakpointOf(elected(0, "initial"), ["leaderChange"])).toBeNull();
    const offline: SimEvent = {
      type: "partitionOffline",
      time: 5,
      topic: "orders",
      partition: 0,
      previousLeader: 1,
      isr: [1],
      unclean: false,
    };
    expect(breakpointOf(offline, ["leaderChange"])).toBe("leaderChange");
  });

  it("only active breakpoints trip", () => {
    expect(breakpointOf(lost(5), ["leaderChange"])).toBeNull();
    expect(breakpointOf(lost(5), ["leaderChange", "recordLost"])).toBe("recordLost");
    expect(breakpointOf(killed(5), ["leaderChange", "recordLost", "isrShrink"])).toBeNull();
  });

  it("the first hit after the last look, up to now; events at the last look itself are skipped", () => {
    const trace = [killed(100), elected(200), lost(300), elected(400)];
    const all = ["leaderChange", "recordLost"] as const;
    expect(firstBreakpointHit(trace, 0, 1000, all)?.event).toBe(trace[1]);
    expect(firstBreakpointHit(trace, 200, 1000, all)?.event).toBe(trace[2]);
    expect(firstBreakpointHit(trace, 200, 1000, ["leaderChange"])?.event).toBe(trace[3]);
    expect(firstBreakpointHit(trace, 200, 399, ["leaderChange"])).toBeNull();
    expect(firstBreakpointHit(trace, 0, 1000, [])).toBeNull();
  });
});

/** acks=1 scenario: the leader of orders-0 (broker 1) crashes at 25 s; broker 2 is elected after the session timeout. */
function acks1Store(): SimStoreApi {
  const opened = openBuiltinScenario("acks1-loss-on-failover");
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  return opened.store;
}

/** Plays with frames of a quarter second at 100x: 25 virtual seconds per frame, far past any event. */
function playFrames(sim: SimStoreApi, frames: number): void {
  sim.getState().setSpeed(100);
  sim.getState().play();
  for (let i = 0; i < frames && sim.getState().playing; i++) sim.getState().tick(250);
}

describe("pausing at a breakpoint", () => {
  it("stops at the virtual time of the election, not at the end of the frame that overshot it", () => {
    const sim = acks1Store();
    const breakpoints = createBreakpointStore(["leaderChange"]);
    watchBreakpoints(sim, breakpoints);
    playFrames(sim, 10);
    const s = sim.getState();
    expect(s.playing).toBe(false);
    const election = s.run.events.find((e) => e.type === "leaderElected" && e.election === "clean");
    expect(election).toBeDefined();
    expect(election!.time).toBeGreaterThan(25_000);
    expect(s.run.state.time).toBe(election!.time);
    expect(s.run.state.topics.orders!.partitions[0]!.leader).toBe(2);
    const notice = breakpoints.getState().notice;
    expect(notice?.time).toBe(election!.time);
    expect(notice?.text).toMatch(
      /^Paused because a leader changed: Broker 2 became leader of orders-0/,
    );
  });

  it("does not stop again at the same event after resuming, and again after a rewind", () => {
    const sim = acks1Store();
    const breakpoints = createBreakpointStore(["leaderChange"]);
    watchBreakpoints(sim, breakpoints);
    playFrames(sim, 10);
    const stoppedAt = sim.getState().run.state.time;
    playFrames(sim, 2);
    expect(breakpoints.getState().notice).toBeNull();
    expect(sim.getState().playing).toBe(true);
    expect(sim.getState().run.state.time).toBe(stoppedAt + 50_000);
    // Rewound to before the election, playback stops there once more.
    sim.getState().pause();
    sim.getState().seek(20_000);
    playFrames(sim, 10);
    expect(sim.getState().playing).toBe(false);
    expect(sim.getState().run.state.time).toBe(stoppedAt);
  });

  it("a record lost stops where the audit records it; an inactive breakpoint never stops", () => {
    const sim = acks1Store();
    const breakpoints = createBreakpointStore([]);
    watchBreakpoints(sim, breakpoints);
    breakpoints.getState().setActive("recordLost", true);
    playFrames(sim, 10);
    const s = sim.getState();
    expect(s.playing).toBe(false);
    expect(breakpoints.getState().notice?.hit.event.type).toBe("recordsLost");
    expect(s.run.state.audit.lost.length).toBeGreaterThan(0);
    breakpoints.getState().setActive("recordLost", false);
    playFrames(sim, 4);
    expect(sim.getState().playing).toBe(true);
  });

  it("stepping and seeking past an event do not stop anything", () => {
    const sim = acks1Store();
    const breakpoints = createBreakpointStore(["leaderChange"]);
    watchBreakpoints(sim, breakpoints);
    sim.getState().seek(40_000);
    expect(breakpoints.getState().notice).toBeNull();
    playFrames(sim, 1);
    expect(sim.getState().playing).toBe(true);
  });
});
