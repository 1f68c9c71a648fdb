import { describe, expect, it } from "vitest";
import { keepUnchanged } from "../../src/views/useSimStable.ts";

describe("keeping the unchanged parts of a selector's value", () => {
  it("gives back the previous value when nothing changed", () => {
    const before = { rows: [{ a: 1, b: "x" }], n: null as number | null };
    const after = { rows: [{ a: 1, b: "x" }], n: null };
    expect(keepUnchanged(before, after)).toBe(before);
  });

  it("shares the unchanged rows of a changed list, and takes the changed ones", () => {
    const before = [
      { p: "t-0", lag: 0 },
      { p: "t-1", lag: 3 },
    ];
    const after = [
      { p: "t-0", lag: 0 },
      { p: "t-1", lag: 4 },
    ];
    const kept = keepUnchanged(before, after);
    expect(kept).not.toBe(before);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).not.toBe(before[1]);
    expect(kept).toEqual(after);
  });

  it("sees added, removed and retyped fields and items", () => {
    expect(keepUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(keepUnchanged([1, 2, 3], [1, 2])).toEqual([1, 2]);
    expect(keepUnchanged({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepUnchanged({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
    expect(keepUnchanged({ a: null }, { a: 0 })).toEqual({ a: 0 });
    const errors = [["NotEnoughReplicas", 2]];
    expect(keepUnchanged({ errors }, { errors: [["NotEnoughReplicas", 3]] })).toEqual({
      errors: [["NotEnoughReplicas", 3]],
    });
  });
});
