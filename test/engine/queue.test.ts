import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { heapPeek, heapPop, heapPush } from "../../src/engine/queue.ts";
import type { ScheduledEvent } from "../../src/engine/types.ts";

const event = (at: number, seq: number): ScheduledEvent => ({
  at,
  seq,
  task: { kind: "retentionCheck" },
});

function drain(heap: ScheduledEvent[]): [number, number][] {
  const out: [number, number][] = [];
  for (let e = heapPop(heap); e; e = heapPop(heap)) out.push([e.at, e.seq]);
  return out;
}

describe("the event queue", () => {
  it("pops by time, and by sequence number among equal times", () => {
    const heap: ScheduledEvent[] = [];
    for (const [at, seq] of [
      [5, 0],
      [1, 1],
      [5, 2],
      [0, 3],
      [1, 4],
      [5, 5],
    ] as const)
      heapPush(heap, event(at, seq));
    expect(heapPeek(heap)).toMatchObject({ at: 0, seq: 3 });
    expect(drain(heap)).toEqual([
      [0, 3],
      [1, 1],
      [1, 4],
      [5, 0],
      [5, 2],
      [5, 5],
    ]);
    expect(heapPop(heap)).toBeUndefined();
  });

  it("pops any set of (time, seq) pairs in sorted order, whatever the push order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.nat(10_000)), {
          selector: ([, seq]) => seq,
          maxLength: 200,
        }),
        (pairs) => {
          const heap: ScheduledEvent[] = [];
          for (const [at, seq] of pairs) heapPush(heap, event(at, seq));
          const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expect(drain(heap)).toEqual(sorted);
        },
      ),
    );
  });

  it("keeps the order when pushes and pops interleave", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }),
        (ops) => {
          const heap: ScheduledEvent[] = [];
          const model: [number, number][] = [];
          let seq = 0;
          for (const op of ops) {
            if (op >= 0) {
              heapPush(heap, event(op, seq));
              model.push([op, seq++]);
            } else {
              model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
              const expected = model.shift();
              const got = heapPop(heap);
              expect(got ? [got.at, got.seq] : undefined).toEqual(expected);
            }
          }
        },
      ),
    );
  });
});
