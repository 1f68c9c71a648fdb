import { describe, expect, it } from "vitest";
import { openBuiltinScenario } from "../../src/store/open.ts";
import { DETAIL_EVENT_TYPES, type SimEvent } from "../../src/store/index.ts";
import { recentEffects, type Throughput } from "../../src/views/motion/activity.ts";
import { createEventTail } from "../../src/views/motion/eventTail.ts";

const FLOW_MS = 1_000;
const NOTABLE_MS = 15_000;

function playing() {
  const opened = openBuiltinScenario("default");
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  const store = opened.store;
  store.getState().play();
  return store;
}

/** Records per second over the window, by a plain walk back over the whole trace. */
function recentThroughput(events: readonly SimEvent[], now: number, windowMs: number): Throughput {
  const out: Throughput = { producers: {}, consumers: {}, brokers: {} };
  const perSec = 1000 / windowMs;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.time > now) continue;
    if (e.time <= now - windowMs) break;
    if (e.type === "batchAppended") {
      out.producers[e.producer] = (out.producers[e.producer] ?? 0) + e.count * perSec;
      const b = String(e.broker);
      out.brokers[b] = (out.brokers[b] ?? 0) + e.count * perSec;
    } else if (e.type === "recordsConsumed") {
      out.consumers[e.consumer] = (out.consumers[e.consumer] ?? 0) + e.count * perSec;
    }
  }
  return out;
}

/** What a full walk back over the trace says, to hold the incremental reading to. */
function expected(events: readonly SimEvent[], now: number) {
  return {
    throughput: recentThroughput(events, now, FLOW_MS),
    notable: events.filter(
      (e) => !DETAIL_EVENT_TYPES.has(e.type) && e.time <= now && e.time > now - NOTABLE_MS,
    ),
  };
}

function expectSame(
  got: ReturnType<ReturnType<typeof createEventTail>>,
  want: ReturnType<typeof expected>,
) {
  for (const part of ["producers", "consumers", "brokers"] as const) {
    expect(Object.keys(got.throughput[part]).sort()).toEqual(
      Object.keys(want.throughput[part]).sort(),
    );
    for (const [k, v] of Object.entries(want.throughput[part]))
      expect(got.throughput[part][k]).toBeCloseTo(v, 6);
  }
  expect(got.notable).toEqual(want.notable);
}

describe("the compact overlay's incremental reading of the trace", () => {
  it("counts the same flows and keeps the same notable events as a full walk, frame by frame", () => {
    const store = playing();
    const tail = createEventTail(FLOW_MS, NOTABLE_MS);
    let flowing = 0;
    for (let frame = 0; frame < 240; frame++) {
      store.getState().tick(50);
      // A broker dies mid-run: elections and ISR shrinks are notable events to keep.
      if (frame === 60) store.getState().issue({ type: "killBroker", broker: 1 });
      const { run } = store.getState();
      const got = tail(run.events, run.state.time);
      expectSame(got, expected(run.events, run.state.time));
      if (Object.keys(got.throughput.producers).length > 0) flowing++;
    }
    expect(flowing).toBeGreaterThan(100);
    const { run } = store.getState();
    expect(tail(run.events, run.state.time).notable.some((e) => e.type === "leaderElected")).toBe(
      true,
    );
  });

  it("starts afresh after a seek back and a step back", () => {
    const store = playing();
    const tail = createEventTail(FLOW_MS, NOTABLE_MS);
    for (let frame = 0; frame < 80; frame++) store.getState().tick(50);
    let { run } = store.getState();
    tail(run.events, run.state.time);
    store.getState().seek(run.state.time / 2);
    ({ run } = store.getState());
    expectSame(tail(run.events, run.state.time), expected(run.events, run.state.time));
    store.getState().stepBack();
    ({ run } = store.getState());
    expectSame(tail(run.events, run.state.time), expected(run.events, run.state.time));
    for (let frame = 0; frame < 20; frame++) store.getState().tick(50);
    ({ run } = store.getState());
    expectSame(tail(run.events, run.state.time), expected(run.events, run.state.time));
  });

  it("draws the same effects from the notable events as from the whole trace", () => {
    const store = playing();
    const tail = createEventTail(FLOW_MS, NOTABLE_MS);
    for (let frame = 0; frame < 100; frame++) {
      store.getState().tick(50);
      if (frame === 30) store.getState().issue({ type: "killBroker", broker: 2 });
      const { run } = store.getState();
      const { notable } = tail(run.events, run.state.time);
      expect(recentEffects(notable, run.state, run.state.time, 2_000)).toEqual(
        recentEffects(run.events, run.state, run.state.time, 2_000),
      );
    }
  });
});
