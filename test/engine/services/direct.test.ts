import { describe, expect, it } from "vitest";
import { DIRECT, count, run, spec } from "./fixtures.ts";

describe("direct calls", () => {
  it("deliver every message when the receiver keeps up, with latency = network + processing", () => {
    const { state } = run(spec(), DIRECT);
    const m = state.metrics;
    expect(m.messages).toBeGreaterThan(150);
    expect(m.failed).toBe(0);
    // Still in flight at the end: at most the last few.
    expect(m.delivered).toBeGreaterThan(m.deliveries - 3);
    for (const l of m.latencies.slice(5)) expect(l).toBeGreaterThanOrEqual(5 + 8);
  });

  it("keep-alive reuses connections; without it every call pays a handshake", () => {
    const kept = run(spec(), DIRECT).state.metrics;
    const fresh = run(spec({ direct: { handshakeMs: 30, keepAlive: false } }), DIRECT).state
      .metrics;
    expect(kept.connectionsOpened).toBeLessThan(10);
    expect(fresh.connectionsOpened).toBe(fresh.calls);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    expect(median(fresh.latencies) - median(kept.latencies)).toBeGreaterThanOrEqual(25);
  });

  it("a stopped receiver refuses calls: the sender retries, then the message fails as 'receiver down'", () => {
    const s = spec({
      timeline: [{ at: 2000, command: { type: "stopReceiver", receiver: "orders-1" } }],
    });
    const { state, events } = run(s, DIRECT, 5000);
    expect(count(events, "callRefused")).toBeGreaterThan(0);
    expect(state.metrics.retries).toBeGreaterThan(0);
    expect(state.metrics.failedBy["receiver down"]).toBeGreaterThan(20);
  });

  it("a receiver with every thread busy and a full backlog answers 'receiver busy'", () => {
    const s = spec({
      ratePerSecond: 400,
      sender: { threads: 100, backlog: 100, timeoutMs: 2000, retries: 0, backoffMs: 100 },
    });
    const { state } = run(s, DIRECT, 3000);
    expect(state.metrics.failedBy["receiver busy"]).toBeGreaterThan(0);
  });

  it("too many connections are refused", () => {
    const s = spec({
      ratePerSecond: 400,
      direct: { handshakeMs: 30, keepAlive: false },
      services: [
        { id: "orders", instances: 1, serviceMs: 10, threads: 2, maxConnections: 3, backlog: 50 },
      ],
      sender: { threads: 100, backlog: 100, timeoutMs: 2000, retries: 0, backoffMs: 100 },
    });
    expect(run(s, DIRECT, 3000).state.metrics.failedBy["too many connections"]).toBeGreaterThan(0);
  });

  it("broadcasting: the sender's busy time grows with the number of services it calls", () => {
    const services = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `s${i}`,
        instances: 1,
        serviceMs: 10,
        threads: 4,
        maxConnections: 50,
        backlog: 20,
      }));
    const one = run(spec({ services: services(1) }), DIRECT).state.metrics.senderBusyMs;
    const five = run(spec({ services: services(5) }), DIRECT).state.metrics.senderBusyMs;
    expect(five).toBeGreaterThan(4 * one);
  });

  it("a call that times out while the receiver works on it is still delivered, and the retry processes it again", () => {
    const s = spec({
      ratePerSecond: 2,
      services: [
        { id: "orders", instances: 1, serviceMs: 400, threads: 4, maxConnections: 10, backlog: 5 },
      ],
      sender: { threads: 8, backlog: 20, timeoutMs: 200, retries: 1, backoffMs: 50 },
    });
    const { state, events } = run(s, DIRECT, 5000);
    expect(count(events, "callTimedOut")).toBeGreaterThan(0);
    expect(state.metrics.duplicates).toBeGreaterThan(0);
    expect(state.metrics.failed).toBe(0);
  });

  it("a malformed message is rejected by the receiver and nobody keeps it", () => {
    const { state } = run(spec({ badFraction: 0.3 }), DIRECT);
    expect(state.metrics.failedBy["invalid message"]).toBeGreaterThan(20);
    expect(state.metrics.deadLettered).toBe(0);
  });

  it("stopping the broker on the direct side changes nothing, and says so", () => {
    const s = spec({ timeline: [{ at: 1000, command: { type: "stopBroker" } }] });
    const { state, events } = run(s, DIRECT);
    expect(count(events, "commandIgnored")).toBe(1);
    expect(state.metrics.failed).toBe(0);
  });
});
