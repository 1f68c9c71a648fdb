// Progress: kept in storage, exported and imported as a file; a bad file or a bad saved value
// says what is wrong and loses nothing.

import { describe, expect, it } from "vitest";
import {
  PROGRESS_KEY,
  createProgressStore,
  parseProgress,
  serializeProgress,
  type ProgressStorage,
} from "../../src/store/index.ts";

function memory(
  initial: Record<string, string> = {},
): ProgressStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

const GOOD = serializeProgress({
  version: 1,
  lessons: {
    "why-not-sync": { stepsDone: 5, finished: true, predictions: { "1": true } },
    "acks-and-min-isr": {
      stepsDone: 1,
      finished: false,
      predictions: {},
      challenge: { passed: true, stars: 2, attempts: 3, hintUsed: true, solutionShown: false },
    },
  },
});

describe("parseProgress", () => {
  it("reads what serializeProgress writes", () => {
    const r = parseProgress(GOOD);
    expect(r.ok && r.progress.lessons["acks-and-min-isr"]!.challenge!.stars).toBe(2);
  });

  it.each([
    ["hello", /not JSON/],
    ["{}", /not a Brokerlab progress file/],
    ['{"kind":"brokerlab-progress","version":9,"lessons":{}}', /newer Brokerlab \(version 9\)/],
    ['{"kind":"brokerlab-progress","version":1}', /no "lessons" object/],
    ['{"kind":"brokerlab-progress","version":1,"lessons":{"Bad Id":{}}}', /not a lesson id/],
    [
      '{"kind":"brokerlab-progress","version":1,"lessons":{"a":{"stepsDone":-1,"finished":true}}}',
      /lessons\["a"\]\.stepsDone must be a whole number/,
    ],
    [
      '{"kind":"brokerlab-progress","version":1,"lessons":{"a":{"stepsDone":1,"finished":true,"challenge":{"stars":9}}}}',
      /challenge must have passed, stars \(0 to 3\)/,
    ],
    ["x".repeat(300_000), /at most 200000/],
  ])("refuses %j with a reason", (text, why) => {
    const r = parseProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });
});

describe("the progress store", () => {
  it("loads saved progress and saves each change", () => {
    const storage = memory({ [PROGRESS_KEY]: GOOD });
    const store = createProgressStore(storage);
    expect(store.getState().progress.lessons["why-not-sync"]!.finished).toBe(true);
    store.getState().update("keys-and-hashing", (l) => ({ ...l, stepsDone: 2 }));
    const saved = parseProgress(storage.data[PROGRESS_KEY]!);
    expect(saved.ok && saved.progress.lessons["keys-and-hashing"]!.stepsDone).toBe(2);
  });

  it("sets unreadable saved progress aside instead of overwriting it", () => {
    const storage = memory({ [PROGRESS_KEY]: "{broken" });
    const store = createProgressStore(storage);
    expect(store.getState().notice).toMatch(/could not be read/);
    expect(storage.data[`${PROGRESS_KEY}.unreadable`]).toBe("{broken");
  });

  it("keeps the progress when an imported file is bad, and replaces it when it is good", () => {
    const storage = memory({ [PROGRESS_KEY]: GOOD });
    const store = createProgressStore(storage);
    const before = store.getState().exportText();
    expect(store.getState().importText('{"kind":"other"}').ok).toBe(false);
    expect(store.getState().exportText()).toBe(before);
    expect(storage.data[PROGRESS_KEY]).toBe(GOOD);
    const other = serializeProgress({
      version: 1,
      lessons: { compaction: { stepsDone: 1, finished: true, predictions: {} } },
    });
    expect(store.getState().importText(other).ok).toBe(true);
    expect(Object.keys(store.getState().progress.lessons)).toEqual(["compaction"]);
    expect(storage.data[PROGRESS_KEY]).toBe(other);
  });

  it("works, and says so, where storage is refused", () => {
    const refusing: ProgressStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    const store = createProgressStore(refusing);
    expect(store.getState().notice).toMatch(/does not let Brokerlab keep progress/);
    store.getState().update("compaction", (l) => ({ ...l, stepsDone: 1 }));
    expect(store.getState().progress.lessons["compaction"]!.stepsDone).toBe(1);
    expect(store.getState().notice).toMatch(/could not be saved/);
  });
});
