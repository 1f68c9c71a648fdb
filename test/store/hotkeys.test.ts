import { describe, expect, it } from "vitest";
import {
  BURST_RECORDS,
  hotkeyAction,
  openBuiltinScenario,
  type SimStoreApi,
} from "../../src/store/index.ts";

function open(id: string): SimStoreApi {
  const opened = openBuiltinScenario(id);
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  return opened.store;
}

/** Looks up a key's action on the store's state and issues it, as presenter mode does. */
function press(sim: SimStoreApi, key: string): string | undefined {
  const action = hotkeyAction(key, sim.getState().run.state);
  if (action?.command) sim.getState().issue(action.command);
  return action?.message;
}

describe("presenter hotkeys", () => {
  it("a digit kills that broker if it is up and restarts it if it is down, on the timeline", () => {
    const sim = open("default");
    sim.getState().seek(3_000);
    expect(press(sim, "2")).toBe("Killed broker 2");
    expect(sim.getState().run.state.brokers["2"]!.status).toBe("offline");
    sim.getState().seek(5_000);
    expect(press(sim, "2")).toBe("Restarted broker 2");
    expect(sim.getState().run.state.brokers["2"]!.status).toBe("online");
    expect(sim.getState().run.commands).toEqual([
      { at: 3_000, command: { type: "killBroker", broker: 2 } },
      { at: 5_000, command: { type: "restartBroker", broker: 2 } },
    ]);
    expect(sim.getState().error).toBeNull();
  });

  it("a digit with no such broker does nothing and says so", () => {
    const sim = open("default");
    expect(hotkeyAction("7", sim.getState().run.state)).toEqual({
      command: null,
      message: "There is no broker 7.",
    });
  });

  it("P sends a burst from the first producer, in either case", () => {
    const state = open("default").getState().run.state;
    const expected = { type: "produce", producer: "checkout", key: null, count: BURST_RECORDS };
    expect(hotkeyAction("p", state)?.command).toEqual(expected);
    expect(hotkeyAction("P", state)?.command).toEqual(expected);
  });

  it("the burst is sent on top of the producer's own rate", () => {
    const sim = open("default");
    sim.getState().seek(2_000);
    const sentBefore = sim.getState().run.state.producers.checkout!.sent;
    expect(press(sim, "p")).toBe(`checkout sent a burst of ${BURST_RECORDS} records`);
    sim.getState().seek(2_001);
    expect(sim.getState().error).toBeNull();
    expect(sim.getState().run.state.producers.checkout!.sent).toBeGreaterThanOrEqual(
      sentBefore + BURST_RECORDS,
    );
  });

  it("C adds a member like the others to the first group; X crashes the newest running one", () => {
    const sim = open("eager-vs-cooperative");
    sim.getState().seek(2_000);
    expect(press(sim, "c")).toBe("Added consumer eager-3 to group eager");
    const added = sim.getState().run.state.consumers["eager-3"]!;
    const model = sim.getState().run.state.consumers["eager-2"]!;
    expect(added.topics).toEqual(model.topics);
    expect(added.config).toEqual(model.config);
    // The newest running consumer of all groups is the one just added.
    expect(press(sim, "x")).toBe("Crashed consumer eager-3");
    expect(sim.getState().run.state.consumers["eager-3"]!.status).toBe("crashed");
    expect(press(sim, "x")).toBe("Crashed consumer coop-2");
    expect(sim.getState().error).toBeNull();
  });

  it("C with no group starts one on the first topic; X with no consumer says there is none", () => {
    const sim = open("default");
    expect(hotkeyAction("x", sim.getState().run.state)).toEqual({
      command: null,
      message: "There is no running consumer to crash.",
    });
    expect(press(sim, "c")).toBe("Added consumer demo-1 to a new group demo");
    expect(sim.getState().run.state.consumers["demo-1"]!.topics).toEqual(["orders"]);
  });

  it("other keys are not hotkeys", () => {
    const state = open("default").getState().run.state;
    for (const key of ["0", "a", " ", "ArrowLeft", "Enter", "10"])
      expect(hotkeyAction(key, state)).toBeNull();
  });
});
