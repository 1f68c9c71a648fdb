import { describe, expect, it } from "vitest";
import {
  COMPARE_PRESETS,
  compareSpecs,
  createBreakpointStore,
  createComparePair,
  watchBreakpoints,
  type ComparePair,
} from "../../src/store/index.ts";

/** "unclean election off vs on": only the right side (unclean on) loses acknowledged records. */
function uncleanPair(): { pair: ComparePair; stop: () => void } {
  const preset = COMPARE_PRESETS.find((p) => p.title.startsWith("unclean election"))!;
  const specs = compareSpecs(preset);
  if (!specs.ok) throw new Error(specs.errors.join("; "));
  const created = createComparePair(specs.left, specs.right);
  if (!created.ok) throw new Error(created.errors.join("; "));
  return { pair: created.pair, stop: created.pair.link() };
}

describe("breakpoints on the compare page", () => {
  it("a loss on the right side stops the one clock at the loss, and the notice says which side", () => {
    const { pair } = uncleanPair();
    const breakpoints = createBreakpointStore(["recordLost"]);
    watchBreakpoints(pair.left, breakpoints, { where: "on the left (off)" });
    watchBreakpoints(pair.right, breakpoints, { driver: pair.left, where: "on the right (on)" });
    const left = pair.left.getState();
    left.setSpeed(100);
    left.play();
    // Frames of a quarter second at 100x: 25 virtual seconds each, far past the loss.
    for (let i = 0; i < 10 && pair.left.getState().playing; i++) pair.left.getState().tick(250);
    expect(pair.left.getState().playing).toBe(false);
    const loss = pair.right.getState().run.events.find((e) => e.type === "recordsLost");
    expect(loss).toBeDefined();
    expect(pair.left.getState().run.events.some((e) => e.type === "recordsLost")).toBe(false);
    // Both sides stand at the moment of the loss, not at the end of the frame that overshot it.
    expect(pair.left.getState().run.state.time).toBe(loss!.time);
    expect(pair.right.getState().run.state.time).toBe(loss!.time);
    const notice = breakpoints.getState().notice;
    expect(notice?.time).toBe(loss!.time);
    expect(notice?.reason).toBe("a record was lost on the right (on)");
  });
});
