import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import type { SimStore, SimStoreApi } from "../../src/store/index.ts";
import { reuseRows, staggeredRows } from "../../src/views/tables/useStaggeredRows.ts";

interface Fake {
  playing: boolean;
  /** The value of every row. */
  n: number;
}

/** A store with only what the rows read: whether it plays, and a number that changes. */
function fakeStore() {
  const store = createStore<Fake>()(() => ({ playing: false, n: 0 }));
  return { store, api: store as unknown as SimStoreApi };
}

/** Six rows, all showing n. */
const selectRows = (s: SimStore): { row: number; n: number }[] =>
  [0, 1, 2, 3, 4, 5].map((row) => ({ row, n: (s as unknown as Fake).n }));

const values = (rows: readonly { n: number }[]): number[] => rows.map((r) => r.n);

describe("a big table's rows, staggered while playing", () => {
  it("follow every change at once while paused", () => {
    const { store, api } = fakeStore();
    const source = staggeredRows(api, selectRows, 3);
    let notified = 0;
    source.subscribe(() => notified++);
    store.setState({ n: 1 });
    expect(values(source.get())).toEqual([1, 1, 1, 1, 1, 1]);
    expect(notified).toBe(1);
    // A change that the rows do not show keeps them, and says nothing.
    const before = source.get();
    store.setState({ playing: false });
    expect(source.get()).toBe(before);
    expect(notified).toBe(1);
  });

  it("bring one row in `frames` up to date per frame while playing, all of them on pause", () => {
    const { store, api } = fakeStore();
    const source = staggeredRows(api, selectRows, 3);
    source.subscribe(() => {});
    store.setState({ playing: true, n: 1 });
    // The rows were read at this frame; rows 0 and 3 come first.
    expect(values(source.get())).toEqual([1, 0, 0, 1, 0, 0]);
    store.setState({ n: 2 });
    expect(values(source.get())).toEqual([1, 1, 0, 1, 1, 0]);
    store.setState({ n: 3 });
    expect(values(source.get())).toEqual([1, 1, 1, 1, 1, 1]);
    // A new read, three frames on.
    store.setState({ n: 4 });
    expect(values(source.get())).toEqual([4, 1, 1, 4, 1, 1]);
    store.setState({ playing: false });
    expect(values(source.get())).toEqual([4, 4, 4, 4, 4, 4]);
  });
});

describe("reusing a table's rows", () => {
  it("keeps the unchanged rows' objects and the array itself when nothing changed", () => {
    const before = [
      { p: 0, hw: 1 },
      { p: 1, hw: 5 },
    ];
    expect(
      reuseRows(before, [
        { p: 0, hw: 1 },
        { p: 1, hw: 5 },
      ]),
    ).toBe(before);
    const after = reuseRows(before, [
      { p: 0, hw: 1 },
      { p: 1, hw: 6 },
    ]);
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toEqual({ p: 1, hw: 6 });
    expect(reuseRows(before, before.slice(0, 1))).toEqual([{ p: 0, hw: 1 }]);
  });

  it("brings only the chosen rows up to date, unless the number of rows changed", () => {
    const before = [{ hw: 1 }, { hw: 1 }];
    expect(reuseRows(before, [{ hw: 2 }, { hw: 2 }], (i) => i === 1)).toEqual([
      { hw: 1 },
      { hw: 2 },
    ]);
    expect(reuseRows(before, [{ hw: 2 }], (i) => i === 1)).toEqual([{ hw: 2 }]);
  });
});
