// A student's progress through the lessons: kept in the browser (localStorage), and written to
// or read from a file so it can move to another machine. A file is checked field by field; a
// bad one gets a message that says what is wrong, and the progress already there is kept.

import { createStore, type StoreApi } from "zustand/vanilla";

export const PROGRESS_VERSION = 1;
export const PROGRESS_KEY = "brokerlab.progress";
/** A progress file is small; anything much larger is not one. */
export const MAX_PROGRESS_BYTES = 200_000;

export interface ChallengeProgress {
  passed: boolean;
  stars: number;
  attempts: number;
  hintUsed: boolean;
  solutionShown: boolean;
}

export interface LessonProgress {
  /** Steps completed, from the first. */
  stepsDone: number;
  finished: boolean;
  /** Per step index with a prediction: whether the first answer was right. */
  predictions: Record<string, boolean>;
  challenge?: ChallengeProgress;
}

export interface Progress {
  version: 1;
  lessons: Record<string, LessonProgress>;
}

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, lessons: {} });

export type ProgressRead = { ok: true; progress: Progress } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

function readLessonProgress(id: string, v: unknown): LessonProgress | string {
  if (!isObject(v)) return `lessons["${id}"] must be an object`;
  if (!count(v["stepsDone"])) return `lessons["${id}"].stepsDone must be a whole number`;
  if (typeof v["finished"] !== "boolean") return `lessons["${id}"].finished must be true or false`;
  const predictions: Record<string, boolean> = {};
  const p = v["predictions"] ?? {};
  if (!isObject(p)) return `lessons["${id}"].predictions must be an object`;
  for (const [k, b] of Object.entries(p)) {
    if (!/^\d{1,3}$/.test(k) || typeof b !== "boolean")
      return `lessons["${id}"].predictions["${k.slice(0, 20)}"] must be a step number and true or false`;
    predictions[k] = b;
  }
  const out: LessonProgress = { stepsDone: v["stepsDone"], finished: v["finished"], predictions };
  const c = v["challenge"];
  if (c !== undefined) {
    if (
      !isObject(c) ||
      typeof c["passed"] !== "boolean" ||
      !count(c["stars"]) ||
      c["stars"] > 3 ||
      !count(c["attempts"]) ||
      typeof c["hintUsed"] !== "boolean" ||
      typeof c["solutionShown"] !== "boolean"
    )
      return `lessons["${id}"].challenge must have passed, stars (0 to 3), attempts, hintUsed and solutionShown`;
    out.challenge = {
      passed: c["passed"],
      stars: c["stars"],
      attempts: c["attempts"],
      hintUsed: c["hintUsed"],
      solutionShown: c["solutionShown"],
    };
  }
  return out;
}

/** Reads a progress file's text. Never throws. */
export function parseProgress(text: string): ProgressRead {
  if (text.length > MAX_PROGRESS_BYTES)
    return {
      ok: false,
      message: `This file is ${text.length} bytes; a progress file is at most ${MAX_PROGRESS_BYTES}. Is it the right file?`,
    };
  let v: unknown;
  try {
    v = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, message: "This file is not a Brokerlab progress file: it is not JSON." };
  }
  if (!isObject(v) || v["kind"] !== "brokerlab-progress")
    return {
      ok: false,
      message:
        'This file is not a Brokerlab progress file (it has no "kind": "brokerlab-progress").',
    };
  if (typeof v["version"] !== "number" || v["version"] > PROGRESS_VERSION)
    return {
      ok: false,
      message: `This progress file was written by a newer Brokerlab (version ${String(v["version"])}); this one reads version ${PROGRESS_VERSION}.`,
    };
  if (v["version"] !== PROGRESS_VERSION)
    return {
      ok: false,
      message: `This progress file has an unknown version (${String(v["version"])}).`,
    };
  if (!isObject(v["lessons"])) return { ok: false, message: 'The file has no "lessons" object.' };
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, l] of Object.entries(v["lessons"])) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      return {
        ok: false,
        message: `The file names a lesson "${id.slice(0, 40)}" that is not a lesson id.`,
      };
    const read = readLessonProgress(id, l);
    if (typeof read === "string") return { ok: false, message: `The file's ${read}.` };
    lessons[id] = read;
  }
  return { ok: true, progress: { version: PROGRESS_VERSION, lessons } };
}

export function serializeProgress(p: Progress): string {
  return `${JSON.stringify({ kind: "brokerlab-progress", version: p.version, lessons: p.lessons }, null, 2)}\n`;
}

/** Where progress is kept: localStorage in the browser, a plain object in tests. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ProgressStore {
  progress: Progress;
  /** Why the saved progress could not be read or written, if it could not. */
  notice: string | null;
  update: (lessonId: string, change: (l: LessonProgress) => LessonProgress) => void;
  /** Replaces all progress with a file's; a bad file changes nothing and says why. */
  importText: (text: string) => ProgressRead;
  exportText: () => string;
  reset: () => void;
}

export type ProgressStoreApi = StoreApi<ProgressStore>;

export const blankLessonProgress = (): LessonProgress => ({
  stepsDone: 0,
  finished: false,
  predictions: {},
});

export function createProgressStore(storage: ProgressStorage | null): ProgressStoreApi {
  let initial = emptyProgress();
  let notice: string | null = null;
  try {
    const saved = storage?.getItem(PROGRESS_KEY);
    if (saved) {
      const read = parseProgress(saved);
      if (read.ok) initial = read.progress;
      else {
        // Kept under another key, so a later save does not destroy what could still be rescued.
        storage?.setItem(`${PROGRESS_KEY}.unreadable`, saved);
        notice = `Saved progress could not be read and was set aside: ${read.message}`;
      }
    }
  } catch {
    notice = "This browser does not let Brokerlab keep progress; it lasts until the tab closes.";
  }
  return createStore<ProgressStore>()((set, get) => {
    const save = (progress: Progress): void => {
      try {
        storage?.setItem(PROGRESS_KEY, serializeProgress(progress));
      } catch {
        set({
          notice: "Progress could not be saved in this browser; export it to a file to keep it.",
        });
      }
    };
    const replace = (progress: Progress): void => {
      set({ progress });
      save(progress);
    };
    return {
      progress: initial,
      notice,
      update: (id, change) => {
        const p = get().progress;
        const next = change(p.lessons[id] ?? blankLessonProgress());
        replace({ ...p, lessons: { ...p.lessons, [id]: next } });
      },
      importText: (text) => {
        const read = parseProgress(text);
        if (read.ok) {
          replace(read.progress);
          set({ notice: null });
        }
        return read;
      },
      exportText: () => serializeProgress(get().progress),
      reset: () => replace(emptyProgress()),
    };
  });
}
