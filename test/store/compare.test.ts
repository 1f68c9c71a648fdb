import { describe, expect, it } from "vitest";
import {
  COMPARE_PRESETS,
  compareSpecs,
  createComparePair,
  describeDifference,
  findComparePreset,
  summarizeSide,
  type ComparePair,
  type SideSummary,
} from "../../src/store/index.ts";

function pairFor(id: string, linked = true): ComparePair {
  const preset = findComparePreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const specs = compareSpecs(preset);
  if (!specs.ok) throw new Error(specs.errors.join("\n"));
  const created = createComparePair(specs.left, specs.right);
  if (!created.ok) throw new Error(created.errors.join("\n"));
  if (linked) created.pair.link();
  return created.pair;
}

/** Plays the left side (the clock's) until virtual time `t`, a quarter second of wall time per frame. */
function playTo(pair: ComparePair, t: number): void {
  const left = pair.left.getState();
  left.setSpeed(10);
  left.play();
  while (pair.left.getState().run.state.time < t) {
    const now = pair.left.getState().run.state.time;
    pair.left.getState().tick(Math.min(250, (t - now) / 10));
  }
  pair.left.getState().pause();
}

const time = (pair: ComparePair) => ({
  left: pair.left.getState().run.state.time,
  right: pair.right.getState().run.state.time,
});

describe("compare mode", () => {
  it("every preset builds two valid simulations that differ from each other", () => {
    for (const preset of COMPARE_PRESETS) {
      const specs = compareSpecs(preset);
      expect(specs.ok, preset.id).toBe(true);
      if (specs.ok) expect(specs.left).not.toEqual(specs.right);
    }
  });

  it("the right side follows the left one's clock, forwards and back", () => {
    const pair = pairFor("acks", false);
    const unlink = pair.link();
    playTo(pair, 12_000);
    expect(time(pair)).toEqual({ left: 12_000, right: 12_000 });
    pair.left.getState().stepForward();
    expect(time(pair).right).toBe(time(pair).left);
    pair.left.getState().seek(4_321);
    expect(time(pair)).toEqual({ left: 4_321, right: 4_321 });
    unlink();
    pair.left.getState().seek(6_000);
    expect(time(pair).right).toBe(4_321);
  });

  it("both sides receive the same commands at the same virtual times, also after going back in time", () => {
    const pair = pairFor("acks");
    playTo(pair, 8_000);
    pair.issue({ type: "killBroker", broker: 2 });
    playTo(pair, 16_000);
    pair.issue({ type: "restartBroker", broker: 2 });
    playTo(pair, 20_000);
    // Back in time and a new command: both forget the same future.
    pair.left.getState().seek(12_500);
    pair.issue({ type: "killBroker", broker: 3 });
    const commands = (p: typeof pair.left) => p.getState().run.commands;
    expect(commands(pair.left)).toEqual([
      { at: 8_000, command: { type: "killBroker", broker: 2 } },
      { at: 12_500, command: { type: "killBroker", broker: 3 } },
    ]);
    expect(commands(pair.right)).toEqual(commands(pair.left));
    const log = (p: typeof pair.left) => p.getState().run.state.commandLog;
    expect(log(pair.right)).toEqual(log(pair.left));
    expect(pair.right.getState().run.state.brokers["3"]!.status).toBe("offline");
  });

  it("acks=1 loses acknowledged records when the leader is killed; acks=all loses none", () => {
    const pair = pairFor("acks");
    // The followers are slowed at 20 s; two seconds later the leader dies.
    playTo(pair, 22_000);
    pair.issue({ type: "killBroker", broker: 1 });
    playTo(pair, 45_000);
    const left = summarizeSide(pair.left.getState().run);
    const right = summarizeSide(pair.right.getState().run);
    expect(left.lost).toBeGreaterThan(0);
    expect(left.causes[0]).toMatch(/acks=1/);
    expect(right.lost).toBe(0);
    expect(right.acknowledged).toBeGreaterThan(0);
    expect(describeDifference(left, right, { left: "acks=1", right: "acks=all" })).toMatch(
      new RegExp(
        `^Left \\(acks=1\\) lost ${left.lost} acknowledged records; right \\(acks=all\\) lost none\\.`,
      ),
    );
  });

  it("without idempotence retries write duplicates and land out of order after a failover; with it neither", () => {
    const pair = pairFor("idempotence");
    playTo(pair, 60_000);
    const left = summarizeSide(pair.left.getState().run);
    const right = summarizeSide(pair.right.getState().run);
    // The same records reach both logs and none is lost; only what the retries did differs.
    expect(left).toMatchObject({ acknowledged: 11_996, lost: 0, failed: 0 });
    expect(right).toMatchObject({ acknowledged: 11_996, lost: 0, failed: 0 });
    // Slow followers, then the crashed broker 1 still in two ISRs, make requests time out
    // from 10 s to about 18 s: each retry is written again.
    expect(left.duplicates).toBe(56);
    // The new leader of payments-1 refuses the first retries, a later batch gets in first.
    expect(left.reordered).toBe(3);
    expect(right.duplicates).toBe(0);
    expect(right.reordered).toBe(0);
    expect(
      describeDifference(left, right, {
        left: "enable.idempotence=false",
        right: "enable.idempotence=true",
      }),
    ).toBe(
      "Left (enable.idempotence=false) wrote 56 duplicates; " +
        "right (enable.idempotence=true) wrote no duplicate. " +
        "Left (enable.idempotence=false) wrote 3 batches out of order; " +
        "right (enable.idempotence=true) wrote nothing out of order.",
    );
  });

  it("the reordering happens at the failover, after the duplicates of the slow phase", () => {
    const pair = pairFor("idempotence");
    playTo(pair, 18_000);
    const before = summarizeSide(pair.left.getState().run);
    expect(before.duplicates).toBeGreaterThan(0);
    expect(before.reordered).toBe(0);
    playTo(pair, 25_000);
    expect(summarizeSide(pair.left.getState().run).reordered).toBe(3);
    expect(summarizeSide(pair.right.getState().run)).toMatchObject({ duplicates: 0, reordered: 0 });
  });

  it("eager rebalancing revokes more partitions than cooperative for the same newcomer", () => {
    const pair = pairFor("rebalance");
    playTo(pair, 30_000);
    const left = summarizeSide(pair.left.getState().run);
    const right = summarizeSide(pair.right.getState().run);
    expect(left.revoked).toBeGreaterThan(right.revoked);
    expect(right.revoked).toBeGreaterThan(0);
  });
});

describe("the statement of difference", () => {
  const side = (over: Partial<SideSummary>): SideSummary => ({
    acknowledged: 100,
    lost: 0,
    duplicates: 0,
    reordered: 0,
    failed: 0,
    revoked: 0,
    consumed: 0,
    causes: [],
    ...over,
  });
  const labels = { left: "A", right: "B" };

  it("names each measure the sides differ in", () => {
    expect(describeDifference(side({ lost: 1 }), side({ duplicates: 3 }), labels)).toBe(
      "Left (A) lost 1 acknowledged record; right (B) lost none. " +
        "Left (A) wrote no duplicate; right (B) wrote 3 duplicates.",
    );
  });

  it("names batches written out of order", () => {
    expect(describeDifference(side({ reordered: 2 }), side({}), labels)).toBe(
      "Left (A) wrote 2 batches out of order; right (B) wrote nothing out of order.",
    );
    expect(describeDifference(side({}), side({ reordered: 1 }), labels)).toBe(
      "Left (A) wrote nothing out of order; right (B) wrote 1 batch out of order.",
    );
  });

  it("says so when nothing differs yet", () => {
    expect(describeDifference(side({}), side({ acknowledged: 90 }), labels)).toBe(
      "No difference yet: neither side has lost an acknowledged record.",
    );
    expect(describeDifference(side({ lost: 2 }), side({ lost: 2 }), labels)).toBe(
      "Both sides lost 2 acknowledged records.",
    );
  });
});
