import { describe, expect, it } from "vitest";
import type { SimulationSpec } from "../../src/store/index.ts";
import {
  KEY_PALETTE,
  NULL_KEY_COLOUR,
  keyColours,
  legendKeys,
} from "../../src/views/cluster/keyColours.ts";

const spec = (producers: { keys: string[] | null }[]): SimulationSpec =>
  ({
    producers: producers.map((p, i) => ({ id: `p${i}`, topic: "orders", ratePerSec: 1, ...p })),
  }) as unknown as SimulationSpec;

describe("a colour per record key", () => {
  it("the scenario's keys get the palette in order, so eight keys never share a colour", () => {
    const keys = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const colour = keyColours(
      spec([{ keys: keys.slice(0, 5) }, { keys: ["c", ...keys.slice(5)] }]),
    );
    expect(keys.map(colour)).toEqual([...KEY_PALETTE]);
    expect(new Set(keys.map(colour)).size).toBe(8);
  });

  it("the same key always gets the same colour, also a key the scenario does not list", () => {
    const a = keyColours(spec([{ keys: ["alice"] }]));
    const b = keyColours(spec([{ keys: ["alice"] }]));
    for (const k of ["zed", "order-17", "", "ünïcode"]) {
      expect(a(k)).toBe(a(k));
      expect(a(k)).toBe(b(k));
      expect(KEY_PALETTE).toContain(a(k));
    }
    // Unlisted keys spread over the palette rather than all landing on one colour.
    const spread = new Set(Array.from({ length: 64 }, (_, i) => a(`key-${i}`)));
    expect(spread.size).toBeGreaterThan(4);
  });

  it("a key the scenario does not list never takes a listed key's colour while colours are free", () => {
    const listed = ["alice", "bob", "carol", "dave"];
    const colour = keyColours(spec([{ keys: listed }]));
    const taken = new Set(listed.map(colour));
    const others = Array.from({ length: 64 }, (_, i) => colour(`typed-${i}`));
    for (const c of others) expect(taken.has(c)).toBe(false);
    // They still spread over the four free colours.
    expect(new Set(others).size).toBe(4);
  });

  it("records without a key are neutral, never a key's colour", () => {
    const colour = keyColours(spec([{ keys: null }]));
    expect(colour(null)).toBe(NULL_KEY_COLOUR);
    expect(KEY_PALETTE).not.toContain(NULL_KEY_COLOUR);
    // The string "null" is a key like any other.
    expect(colour("null")).not.toBe(NULL_KEY_COLOUR);
  });

  it("the legend lists the scenario's keys once, in order, and says when records have none", () => {
    expect(legendKeys(spec([{ keys: ["b", "a"] }, { keys: ["a", "c"] }]))).toEqual({
      keys: ["b", "a", "c"],
      unkeyed: false,
    });
    expect(legendKeys(spec([{ keys: ["x"] }, { keys: null }]))).toEqual({
      keys: ["x"],
      unkeyed: true,
    });
  });
});
