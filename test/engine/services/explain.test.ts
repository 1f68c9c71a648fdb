import { describe, expect, it } from "vitest";
import { SERVICES_PRESETS, explainServicesEvent } from "../../../src/engine/index.ts";
import { run } from "./fixtures.ts";

describe("explainServicesEvent", () => {
  it("turns every event of every situation into one readable sentence", () => {
    const types = new Set<string>();
    for (const p of SERVICES_PRESETS)
      for (const side of p.sides) {
        const { events } = run(p.spec, side, 12_000);
        for (const e of events) {
          if (types.has(e.type)) continue;
          types.add(e.type);
          const line = explainServicesEvent(e);
          expect(line, e.type).toMatch(/^[A-Za-z0-9#].*[.)]$/);
          expect(line, e.type).not.toMatch(/undefined|NaN|\[object/);
          expect(line.includes("\n"), e.type).toBe(false);
        }
      }
    // The situations between them show most of what can happen.
    expect(types.size).toBeGreaterThanOrEqual(15);
  });
});
