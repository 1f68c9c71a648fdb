import { describe, expect, it } from "vitest";
import { openBuiltinScenario, openScenarioText, runFileText } from "../../src/store/index.ts";
import type { SimStoreApi } from "../../src/store/index.ts";
import type { Scenario } from "../../src/scenario/index.ts";

function opened(id: string): { store: SimStoreApi; scenario: Scenario } {
  const o = openBuiltinScenario(id);
  if (!o.ok) throw new Error(o.errors.join("; "));
  return o;
}

/** What a student would compare: who leads what, and what the producers saw. */
function picture(store: SimStoreApi): unknown {
  const s = store.getState().run.state;
  return {
    brokers: Object.values(s.brokers).map((b) => [b.id, b.status]),
    partitions: Object.values(s.topics).flatMap((t) =>
      t.partitions.map((p) => [t.name, p.partition, p.leader, [...p.isr]]),
    ),
  };
}

describe("exporting a run with the user's commands", () => {
  it("writes the commands into the timeline by time, after the scenario's own at the same moment", () => {
    const { store, scenario } = opened("default");
    store.getState().seek(3_000);
    store.getState().issue({ type: "setProducer", producer: "checkout", ratePerSec: 50 });
    store.getState().seek(12_000);
    store.getState().issue({ type: "killBroker", broker: 2 });
    const r = runFileText(scenario, store);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.added).toBe(2);
    const doc = JSON.parse(r.text) as Scenario;
    const times = doc.timeline.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(doc.timeline).toContainEqual({ at: 12_000, do: "killBroker", broker: 2 });
    expect(doc.timeline).toContainEqual({
      at: 3_000,
      do: "setProducer",
      producer: "checkout",
      ratePerSec: 50,
    });
  });

  it("opens again as a scenario that runs the commands: same leaders and broker states later", () => {
    const { store, scenario } = opened("default");
    store.getState().seek(10_000);
    store.getState().issue({ type: "killBroker", broker: 1 });
    store.getState().seek(25_000);
    store.getState().issue({ type: "restartBroker", broker: 1 });
    store.getState().seek(60_000);
    const r = runFileText(scenario, store);
    if (!r.ok) throw new Error(r.message);
    const again = openScenarioText(r.text);
    if (!again.ok) throw new Error(again.errors.join("; "));
    again.store.getState().seek(60_000);
    expect(again.store.getState().run.commands).toEqual([]);
    expect(picture(again.store)).toEqual(picture(store));
    const untouched = opened("default").store;
    untouched.getState().seek(60_000);
    expect(picture(untouched)).not.toEqual(picture(store));
  });

  it("writes a command issued at a fractional moment (while playing) at the next whole millisecond", () => {
    const { store, scenario } = opened("default");
    store.getState().seek(3_332.0000000000005);
    store.getState().issue({ type: "killBroker", broker: 3 });
    const r = runFileText(scenario, store);
    if (!r.ok) throw new Error(r.message);
    const doc = JSON.parse(r.text) as Scenario;
    expect(doc.timeline).toContainEqual({ at: 3_333, do: "killBroker", broker: 3 });
  });

  it("says why when the file would hold more timeline entries than a scenario may", () => {
    const { store, scenario } = opened("default");
    for (let i = 0; i < 10_001; i++)
      store.getState().issue({ type: "setProducer", producer: "checkout", ratePerSec: i % 50 });
    const r = runFileText(scenario, store);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/at most 10000/);
  });
});
