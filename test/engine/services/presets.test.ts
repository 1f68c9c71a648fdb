// Each built-in situation teaches a claim; these tests hold the simulation to it, so a lesson's
// text never says what the numbers do not show.
import { describe, expect, it } from "vitest";
import {
  SERVICES_PRESETS,
  percentile,
  validateServicesSpec,
  type ServicesPreset,
  type ServicesState,
} from "../../../src/engine/index.ts";
import { run } from "./fixtures.ts";

function sides(id: string): [ServicesState, ServicesState] {
  const p: ServicesPreset | undefined = SERVICES_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return [run(p.spec, p.sides[0]).state, run(p.spec, p.sides[1]).state];
}

const waitingAt = (s: ServicesState, t: number) => s.samples.find((x) => x.t >= t)!.waiting;
const meanBusy = (s: ServicesState, from: number, to: number) => {
  const xs = s.samples.filter((x) => x.t > from && x.t <= to).map((x) => x.senderBusy);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};

describe("built-in situations", () => {
  it("every preset is valid, with two sides, a lesson and something to watch", () => {
    expect(SERVICES_PRESETS.length).toBeGreaterThanOrEqual(9);
    for (const p of SERVICES_PRESETS) {
      expect(validateServicesSpec(p.spec)).toEqual([]);
      expect(p.lesson.length).toBeGreaterThan(0);
      expect(p.watch.length).toBeGreaterThan(10);
    }
  });

  it("a calm day: both sides deliver everything; the broker adds a hop of latency", () => {
    const [direct, broker] = sides("calm");
    expect(direct.metrics.failed).toBe(0);
    expect(broker.metrics.failed).toBe(0);
    expect(percentile(broker.metrics.latencies, 0.5)!).toBeGreaterThan(
      percentile(direct.metrics.latencies, 0.5)! + 3,
    );
  });

  it("traffic peak: direct calls fail; the broker queues the peak and delivers it all later", () => {
    const [direct, broker] = sides("peak");
    expect(direct.metrics.failed).toBeGreaterThan(500);
    expect(direct.metrics.retries).toBeGreaterThan(0);
    expect(broker.metrics.failed).toBe(0);
    expect(waitingAt(broker, 10_000)).toBeGreaterThan(1000);
    expect(waitingAt(broker, 29_000)).toBe(0);
  });

  it("receiver down: direct calls are refused; the broker keeps the messages until it is back", () => {
    const [direct, broker] = sides("receiver-down");
    expect(direct.metrics.failedBy["receiver down"]).toBeGreaterThan(100);
    expect(broker.metrics.failed).toBe(0);
    expect(waitingAt(broker, 14_500)).toBeGreaterThan(300);
  });

  it("slow receiver: direct calls time out and duplicate; pulling receivers share the load", () => {
    const [direct, broker] = sides("slow-receiver");
    expect(direct.metrics.duplicates).toBeGreaterThan(0);
    expect(direct.metrics.failed).toBeGreaterThan(0);
    expect(broker.metrics.failed).toBe(0);
    const [fast, slow] = [broker.receivers["orders-2"]!, broker.receivers["orders-1"]!];
    expect(fast.processedCount).toBeGreaterThan(2 * slow.processedCount);
  });

  it("fan-out to ten services exhausts the calling sender, not the publishing one", () => {
    const [direct, broker] = sides("fan-out");
    expect(direct.metrics.failedBy["sender overloaded"]).toBeGreaterThan(0);
    expect(broker.metrics.failed).toBe(0);
    expect(meanBusy(direct, 5000, 30_000)).toBeGreaterThan(0.9);
    expect(meanBusy(broker, 5000, 30_000)).toBeLessThan(0.1);
  });

  it("adding receivers: the broker's queue grows, then drains as receivers join", () => {
    const [direct, broker] = sides("scale-out");
    expect(direct.metrics.failed).toBeGreaterThan(0);
    expect(broker.metrics.failed).toBe(0);
    expect(waitingAt(broker, 16_000)).toBeGreaterThan(waitingAt(broker, 8000));
    expect(waitingAt(broker, 29_500)).toBeLessThan(waitingAt(broker, 16_000) / 2);
  });

  it("push overwhelms the slow receiver; pull does not", () => {
    const [push, pull] = sides("push-pull");
    expect(push.metrics.failedBy["overwhelmed by push"]).toBeGreaterThan(100);
    expect(pull.metrics.failed).toBe(0);
  });

  it("validate, transform, route: direct loses malformed messages; the broker dead-letters them", () => {
    const [direct, broker] = sides("validate-transform-route");
    expect(direct.metrics.failedBy["invalid message"]).toBeGreaterThan(50);
    expect(direct.metrics.deadLettered).toBe(0);
    expect(broker.metrics.deadLettered).toBe(direct.metrics.failedBy["invalid message"]);
    expect(broker.metrics.failed).toBe(0);
    expect(broker.broker!.transformed).toBeGreaterThan(1000);
  });

  it("the broker goes down: only the broker side loses messages", () => {
    const [direct, broker] = sides("broker-down");
    expect(direct.metrics.failed).toBe(0);
    expect(broker.metrics.failedBy["broker down"]).toBeGreaterThan(50);
  });
});
