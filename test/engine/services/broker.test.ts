import { describe, expect, it } from "vitest";
import { BROKER, DIRECT, count, run, spec } from "./fixtures.ts";

const svc = (
  id: string,
  more: Partial<{ instances: number; serviceMs: number; threads: number; backlog: number }> = {},
) => ({
  id,
  instances: 1,
  serviceMs: 10,
  threads: 2,
  maxConnections: 10,
  backlog: 5,
  ...more,
});

describe("through a broker", () => {
  it("the queue keeps messages while the receiver is down and delivers them after", () => {
    const s = spec({
      timeline: [
        { at: 1000, command: { type: "stopReceiver", receiver: "orders-1" } },
        { at: 4000, command: { type: "startReceiver", receiver: "orders-1" } },
        { at: 6000, command: { type: "setRate", perSecond: 0 } },
      ],
    });
    const { state } = run(s, BROKER);
    expect(state.metrics.failed).toBe(0);
    expect(state.metrics.delivered).toBe(state.metrics.deliveries);
    // Some waited out the whole outage.
    expect(Math.max(...state.metrics.latencies)).toBeGreaterThan(2500);
  });

  it("a full queue rejects new messages and counts them", () => {
    const s = spec({
      broker: {
        queueCapacity: 10,
        delivery: "pull",
        validate: true,
        workMs: 0.5,
        pollRetryMs: 500,
      },
      timeline: [{ at: 1000, command: { type: "stopReceiver", receiver: "orders-1" } }],
    });
    const { state, events } = run(s, BROKER, 5000);
    expect(state.broker!.queues["orders"]!.rejected).toBeGreaterThan(20);
    expect(count(events, "publishRejected")).toBe(state.broker!.queues["orders"]!.rejected);
    expect(state.metrics.failedBy["queue full"]).toBe(state.broker!.queues["orders"]!.rejected);
    expect(state.broker!.queues["orders"]!.ready.length).toBe(10);
  });

  it("publish-subscribe: one publish reaches every subscribing service; the sender sends once", () => {
    const s = spec({ services: [svc("email"), svc("sms"), svc("audit")] });
    const { state } = run(s, BROKER);
    const m = state.metrics;
    expect(m.deliveries).toBe(3 * m.messages);
    expect(m.calls).toBe(m.messages);
    const direct = run(s, DIRECT).state.metrics;
    expect(direct.calls).toBe(3 * direct.messages);
  });

  it("competing consumers: receivers sharing a queue each process a share, every message once", () => {
    const s = spec({ ratePerSecond: 100, services: [svc("orders", { instances: 3 })] });
    const { state } = run(s, BROKER);
    const counts = state.receiverOrder.map((id) => state.receivers[id]!.processedCount);
    for (const c of counts) expect(c).toBeGreaterThan(150);
    expect(state.metrics.duplicates).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(state.metrics.delivered);
  });

  it("validation sends malformed messages to the dead-letter queue, kept, not failed", () => {
    const { state } = run(spec({ badFraction: 0.3 }), BROKER);
    expect(state.metrics.deadLettered).toBeGreaterThan(20);
    expect(state.broker!.deadLetters).toBe(state.metrics.deadLettered);
    expect(state.metrics.failed).toBe(0);
  });

  it("routing by the type field sends each kind only to the services that want it", () => {
    const s = spec({
      kinds: ["order", "refund"],
      routes: { order: ["billing", "shipping"], refund: ["billing"] },
      services: [svc("billing"), svc("shipping")],
    });
    const { state, events } = run(s, BROKER);
    const billing = state.receivers["billing-1"]!.processedCount;
    const shipping = state.receivers["shipping-1"]!.processedCount;
    expect(shipping).toBeGreaterThan(50);
    expect(billing).toBeGreaterThan(shipping + 30);
    expect(count(events, "messagePublished")).toBe(state.metrics.messages);
  });

  it("the broker transforms messages itself; the direct sender has to do it, which keeps it busy", () => {
    const s = spec({ transformMs: 20 });
    const broker = run(s, BROKER);
    const direct = run(s, DIRECT);
    expect(broker.state.broker!.transformed).toBeGreaterThan(150);
    expect(broker.events.some((e) => e.type === "messageTransformed" && e.by === "broker")).toBe(
      true,
    );
    expect(direct.state.metrics.senderBusyMs).toBeGreaterThan(broker.state.metrics.senderBusyMs);
  });

  it("push overwhelms a slow receiver; pull lets it take only what it can", () => {
    const s = spec({
      ratePerSecond: 60,
      services: [svc("orders", { instances: 2, threads: 2, backlog: 5 })],
      timeline: [
        { at: 0, command: { type: "slowReceiver", receiver: "orders-2", serviceMs: 200 } },
      ],
    });
    const push = run(s, { mode: "broker", delivery: "push" }).state.metrics;
    const pull = run(s, { mode: "broker", delivery: "pull" }).state.metrics;
    expect(push.failedBy["overwhelmed by push"]).toBeGreaterThan(50);
    expect(pull.failed).toBe(0);
  });

  it("a broker that goes down refuses publishes; what was queued survives and is delivered", () => {
    const s = spec({
      timeline: [
        { at: 500, command: { type: "stopReceiver", receiver: "orders-1" } },
        { at: 2000, command: { type: "stopBroker" } },
        { at: 2100, command: { type: "startReceiver", receiver: "orders-1" } },
        { at: 5000, command: { type: "startBroker" } },
        { at: 7000, command: { type: "setRate", perSecond: 0 } },
      ],
    });
    const { state, events } = run(s, BROKER);
    expect(count(events, "brokerStopped")).toBe(1);
    expect(state.metrics.failedBy["broker down"]).toBeGreaterThan(10);
    // Everything published before the broker went down (while the receiver was away) arrived.
    const published = new Set(
      events
        .filter((e) => e.type === "messagePublished" && e.time < 2000)
        .map((e) => (e.type === "messagePublished" ? e.message : -1)),
    );
    const delivered = new Set(
      events.flatMap((e) => (e.type === "messageDelivered" ? [e.message] : [])),
    );
    expect(published.size).toBeGreaterThan(20);
    for (const m of published) expect(delivered.has(m)).toBe(true);
  });

  it("the broker hop costs latency on a calm day", () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const direct = median(run(spec(), DIRECT).state.metrics.latencies);
    const broker = median(run(spec(), BROKER).state.metrics.latencies);
    expect(broker).toBeGreaterThan(direct + 3);
  });

  it("a receiver added during the run starts taking messages from the queue", () => {
    const s = spec({
      ratePerSecond: 300,
      timeline: [{ at: 2000, command: { type: "addReceiver", service: "orders" } }],
    });
    const { state } = run(s, BROKER);
    expect(state.receivers["orders-2"]!.processedCount).toBeGreaterThan(100);
  });
});
