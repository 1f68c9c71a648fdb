import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { canonicalJson } from "../../src/scenario/url/canonicalJson.ts";
import { decodeShareLink } from "../../src/scenario/url/shareLink.ts";
import { openBuiltinScenario, openScenarioDocument } from "../../src/store/open.ts";
import {
  SANDBOX_KEY,
  createAutosave,
  loadSandbox,
  type KeyValueStorage,
  type Timers,
} from "../../src/store/sandbox.ts";
import { openShareLink, shareLinkFor } from "../../src/store/share.ts";
import type { SimStoreApi } from "../../src/store/simStore.ts";
import { runArb } from "../scenario/urlArbitrary.ts";

function open(id: string) {
  const opened = openBuiltinScenario(id);
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  return opened;
}

/** The engine state as data: two runs are in the same state when this is the same. */
const stateOf = (store: SimStoreApi): string => canonicalJson(store.getState().run.state);

async function linkOf(scenario: Parameters<typeof shareLinkFor>[0], store: SimStoreApi) {
  const link = await shareLinkFor(scenario, store);
  if (!link.ok) throw new Error(link.message);
  return link.fragment;
}

describe("a share link replays the run to the same moment", () => {
  it("kill a broker, play on, share: the opened link has the same engine state", async () => {
    const { store, scenario } = open("default");
    const s = store.getState();
    s.seek(4_000);
    s.issue({ type: "killBroker", broker: 2 });
    s.seek(9_500);
    s.issue({ type: "restartBroker", broker: 2 });
    // Played with the clock in uneven frames, as a browser does.
    // Played with the clock in uneven frames at an odd speed, as a browser does: the moment
    // and the next command fall between whole milliseconds.
    s.setSpeed(3.7);
    s.play();
    for (const wall of [16.4, 17.1, 250, 33.3, 16.6, 400]) s.tick(wall);
    s.pause();
    s.issue({ type: "isolateBroker", broker: 1 });
    s.play();
    for (const wall of [16.7, 16.6, 16.7]) s.tick(wall);
    s.pause();
    expect(Number.isInteger(s.run.state.time)).toBe(false);
    const fragment = await linkOf(scenario, store);
    const reopened = openShareLink(`#${fragment}`);
    if (!reopened.ok) throw new Error(reopened.problem.message);
    const back = reopened.store.getState();
    expect(back.run.state.time).toBe(s.run.state.time);
    expect(back.playing).toBe(false);
    expect(stateOf(reopened.store)).toBe(stateOf(store));
  });

  it("a link made after stepping back keeps the later commands and opens at the earlier moment", async () => {
    const { store, scenario } = open("acks1-loss-on-failover");
    const s = store.getState();
    s.seek(3_000);
    s.issue({ type: "isolateBroker", broker: 3 });
    s.seek(8_000);
    s.issue({ type: "healBroker", broker: 3 });
    s.seek(12_000);
    s.seek(5_000);
    const reopened = openShareLink(await linkOf(scenario, store));
    if (!reopened.ok) throw new Error(reopened.problem.message);
    expect(reopened.store.getState().run.commands.map((c) => c.at)).toEqual([3_000, 8_000]);
    expect(stateOf(reopened.store)).toBe(stateOf(store));
    // Played on, both lines of history meet the heal at 8 s the same way.
    store.getState().seek(10_000);
    reopened.store.getState().seek(10_000);
    expect(stateOf(reopened.store)).toBe(stateOf(store));
  });

  it("random runs of the built-in scenarios replay to the same state", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (r) => {
        const { store } = openScenarioFor(r.scenario);
        const s = store.getState();
        for (const c of r.commands) {
          s.seek(c.at);
          s.issue(c.command);
        }
        s.seek(r.time);
        const reopened = openShareLink(await linkOf(r.scenario, store));
        if (!reopened.ok) throw new Error(reopened.problem.message);
        expect(reopened.store.getState().run.state.time).toBe(store.getState().run.state.time);
        expect(stateOf(reopened.store)).toBe(stateOf(store));
      }),
      { numRuns: 12 },
    );
  });
});

function openScenarioFor(scenario: unknown) {
  const o = openScenarioDocument(scenario);
  if (!o.ok) throw new Error(o.errors.join("\n"));
  return o;
}

class FakeStorage implements KeyValueStorage {
  items = new Map<string, string>();
  writes = 0;
  full = false;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new Error("QuotaExceededError");
    this.writes++;
    this.items.set(k, v);
  };
  removeItem = (k: string) => void this.items.delete(k);
}

/** Timers driven by hand: `run(ms)` fires what is due within ms. */
class FakeTimers implements Timers {
  now = 0;
  private due = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  };
  clear = (h: unknown) => void this.due.delete(h as number);
  run(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const first = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > end) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = end;
  }
}

describe("the autosaved sandbox", () => {
  const setup = () => {
    const storage = new FakeStorage();
    const timers = new FakeTimers();
    const errors: string[] = [];
    const autosave = createAutosave({
      storage,
      timers,
      delayMs: 1000,
      maxWaitMs: 5000,
      onError: (m) => errors.push(m),
    });
    return { storage, timers, errors, autosave };
  };

  it("saves after a quiet second, and restores the scenario, the commands and the moment (paused)", () => {
    const { storage, timers, autosave } = setup();
    const { store, scenario } = open("default");
    autosave.watch(scenario, store, { adopted: true });
    store.getState().seek(2_000);
    store.getState().issue({ type: "killBroker", broker: 1 });
    store.getState().seek(3_000);
    store.getState().play();
    timers.run(999);
    expect(storage.writes).toBe(0);
    timers.run(1);
    expect(storage.writes).toBe(1);
    const loaded = loadSandbox(storage);
    expect(loaded.kind).toBe("ok");
    if (loaded.kind !== "ok") return;
    expect(loaded.run.time).toBe(3_000);
    expect(loaded.run.playing).toBe(false);
    expect(loaded.run.commands).toEqual([
      { at: 2_000, command: { type: "killBroker", broker: 1 } },
    ]);
  });

  it("debounces a burst of changes into one write, and a run that never stops is saved every few seconds", () => {
    const { storage, timers, autosave } = setup();
    const { store, scenario } = open("default");
    autosave.watch(scenario, store, { adopted: true });
    timers.run(1000);
    const base = storage.writes;
    store.getState().play();
    for (let i = 0; i < 100; i++) {
      store.getState().tick(16);
      timers.run(100);
    }
    // 10 s of frames 100 ms apart: never a quiet second, so only the longest wait (5 s) saves.
    expect(storage.writes - base).toBe(2);
  });

  it("a run opened from a link is not saved until the user issues a command in it", () => {
    const { storage, timers, autosave } = setup();
    storage.items.set(SANDBOX_KEY, "mine");
    const { store, scenario } = open("acks1-loss-on-failover");
    const adopt = vi.fn();
    autosave.watch(scenario, store, { adopted: false, onAdopt: adopt });
    store.getState().seek(4_000);
    store.getState().play();
    store.getState().tick(100);
    timers.run(10_000);
    expect(storage.items.get(SANDBOX_KEY)).toBe("mine");
    expect(adopt).not.toHaveBeenCalled();
    store.getState().issue({ type: "killBroker", broker: 1 });
    expect(adopt).toHaveBeenCalledTimes(1);
    timers.run(1000);
    expect(storage.items.get(SANDBOX_KEY)).not.toBe("mine");
    expect(loadSandbox(storage).kind).toBe("ok");
  });

  it("stopping the watch saves what is due; a full storage is reported, not thrown", () => {
    const { storage, autosave, errors } = setup();
    const { store, scenario } = open("default");
    const stop = autosave.watch(scenario, store, { adopted: true });
    store.getState().seek(1_000);
    stop();
    expect(storage.writes).toBe(1);
    storage.full = true;
    const stop2 = autosave.watch(scenario, store, { adopted: true });
    autosave.flush();
    stop2();
    expect(errors.join()).toMatch(/could not be saved/);
  });

  it("a damaged or foreign saved sandbox is reported as unreadable, and nothing throws", () => {
    const storage = new FakeStorage();
    expect(loadSandbox(storage).kind).toBe("empty");
    for (const bad of ["{", "null", '{"scenario": 3}', "x".repeat(3_000_000)]) {
      storage.items.set(SANDBOX_KEY, bad);
      const loaded = loadSandbox(storage);
      expect(loaded.kind).toBe("unreadable");
    }
    expect(loadSandbox(null).kind).toBe("empty");
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(loadSandbox(throwing).kind).toBe("empty");
  });

  it("a link decoded from the saved JSON is the same run (the sandbox and links share one format)", async () => {
    const { storage, autosave } = setup();
    const { store, scenario } = open("default");
    autosave.watch(scenario, store, { adopted: true });
    store.getState().seek(1_500);
    store.getState().issue({ type: "shutdownBroker", broker: 3 });
    autosave.flush();
    const saved = loadSandbox(storage);
    const linked = decodeShareLink(await linkOf(scenario, store));
    expect(
      saved.kind === "ok" &&
        linked.ok &&
        canonicalJson(saved.run.commands) === canonicalJson(linked.run.commands),
    ).toBe(true);
  });
});
