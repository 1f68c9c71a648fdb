import { describe, expect, it } from "vitest";
import { foldRepeats } from "../../src/views/feed/feedRepeats.ts";

const e = (time: number, text: string) => ({ time, text });

describe("repeated feed lines", () => {
  it("folds lines said at the same moment in the same words, and counts them", () => {
    const rows = foldRepeats(
      [e(5, "retry"), e(5, "retry"), e(5, "retry"), e(5, "elected"), e(4, "retry")],
      (x) => x.text,
    );
    expect(rows.map((r) => [r.event.time, r.text, r.count])).toEqual([
      [5, "retry", 3],
      [5, "elected", 1],
      [4, "retry", 1],
    ]);
  });

  it("keeps the same words at another moment, or apart, as lines of their own", () => {
    const rows = foldRepeats([e(5, "a"), e(4, "a"), e(4, "b"), e(4, "a")], (x) => x.text);
    expect(rows.map((r) => r.count)).toEqual([1, 1, 1, 1]);
  });
});
