// What the simulator page opens with, from the address and the saved sandbox (src/views/share/
// currentRun.ts holds no React: it is tested here, beside the store it drives).
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openBuiltinScenario } from "../../src/store/open.ts";
import { SANDBOX_KEY, createAutosave, type KeyValueStorage } from "../../src/store/sandbox.ts";
import { startup, type Opening } from "../../src/views/share/currentRun.ts";

const storage = (): KeyValueStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
};

/** A storage holding a sandbox of `id` with broker 2 killed at 1 s, saved at 3 s. */
function withSandbox(id: string) {
  const s = storage();
  const opened = openBuiltinScenario(id);
  if (!opened.ok) throw new Error(opened.errors.join());
  const autosave = createAutosave({ storage: s });
  const stop = autosave.watch(opened.scenario, opened.store, { adopted: true });
  opened.store.getState().seek(1_000);
  opened.store.getState().issue({ type: "killBroker", broker: 2 });
  opened.store.getState().seek(3_000);
  stop();
  return { storage: s, scenario: opened.scenario, saved: s.items.get(SANDBOX_KEY) };
}

const link = (payload: unknown): string =>
  `#v1.${deflateRawSync(Buffer.from(JSON.stringify(payload))).toString("base64url")}`;

function readyRun(o: Opening) {
  if (o.kind !== "ready") throw new Error(`expected a run ready to show, got ${o.kind}`);
  return o.run;
}

describe("opening the simulator page", () => {
  it("a broken link opens the sandbox as it was, says what is wrong, and offers the default", () => {
    const { storage: s, saved } = withSandbox("default");
    const start = startup("#v1.AAAAb", "", s);
    const run = readyRun(start.opening);
    expect(run.store.getState().run.commands).toHaveLength(1);
    expect(run.store.getState().run.state.time).toBe(3_000);
    expect(start.notice?.tone).toBe("error");
    expect(start.notice?.message).toMatch(/Your sandbox is open instead/);
    expect(start.notice?.actions).toEqual(["default"]);
    expect(s.items.get(SANDBOX_KEY)).toBe(saved);
  });

  it("a good link opens its run, not owned by the sandbox, and says the sandbox is kept", () => {
    const { storage: s, scenario } = withSandbox("default");
    const start = startup(link({ scenario, commands: [], time: 2_500, playing: true }), "", s);
    const run = readyRun(start.opening);
    expect(run.adopted).toBe(false);
    expect(run.store.getState().playing).toBe(true);
    expect(run.store.getState().run.state.time).toBe(2_500);
    expect(start.notice?.actions).toEqual(["sandbox"]);
  });

  it("a link far into virtual time is replayed in slices", () => {
    const { scenario } = withSandbox("default");
    const start = startup(
      link({ scenario, commands: [], time: 600_000, playing: false }),
      "",
      null,
    );
    expect(start.opening.kind).toBe("replaying");
    if (start.opening.kind !== "replaying") return;
    const replay = start.opening.pending.replay;
    let steps = 0;
    for (let r = replay.step(); r.kind === "working"; r = replay.step()) {
      expect(r.progress).toBeGreaterThan(0);
      steps++;
    }
    expect(steps).toBe(59);
    expect(replay.store.getState().run.state.time).toBe(600_000);
  });

  it("?scenario= of the sandbox's own scenario gives the sandbox back; of another, that scenario fresh", () => {
    const { storage: s } = withSandbox("acks1-loss-on-failover");
    const mine = readyRun(startup("", "?scenario=acks1-loss-on-failover", s).opening);
    expect(mine.adopted).toBe(true);
    expect(mine.store.getState().run.commands).toHaveLength(1);
    const other = readyRun(startup("", "?scenario=zombie-leader", s).opening);
    expect(other.adopted).toBe(false);
    expect(other.builtinId).toBe("zombie-leader");
    expect(other.store.getState().run.commands).toHaveLength(0);
  });

  it("?scenario= of no built-in scenario keeps the sandbox on screen and says so", () => {
    const { storage: s, saved } = withSandbox("default");
    const start = startup("", "?scenario=no-such-lesson", s);
    expect(readyRun(start.opening).store.getState().run.commands).toHaveLength(1);
    expect(start.notice?.message).toMatch(
      /no built-in scenario called "no-such-lesson".*sandbox is open/,
    );
    expect(s.items.get(SANDBOX_KEY)).toBe(saved);
  });

  it("no address and no sandbox: the default scenario; a damaged sandbox: the default and why", () => {
    expect(readyRun(startup("", "", storage()).opening).builtinId).toBe("default");
    const s = storage();
    s.items.set(SANDBOX_KEY, "{ damaged");
    const start = startup("", "", s);
    expect(readyRun(start.opening).builtinId).toBe("default");
    expect(start.notice?.message).toMatch(/could not be restored/);
    // Not saved over until the user acts: the damaged copy may be a newer Brokerlab's.
    expect(readyRun(start.opening).adopted).toBe(false);
  });
});
