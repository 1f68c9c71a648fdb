// What the simulator page shows, and where it came from. Opening the page decides it once:
// a share link in the fragment, else `?scenario=<id>`, else the autosaved sandbox, else the
// default scenario. Whatever fails to open leaves a notice and falls back, never further than
// the sandbox, which a bad link never touches. A run far into virtual time is replayed in
// slices while the page shows its progress (`Opening` of kind "replaying").

import {
  builtinIdOf,
  decodeShareLink,
  finishReplay,
  formatProblem,
  loadSandbox,
  openBuiltinScenario,
  startReplay,
  type KeyValueStorage,
  type OpenedRun,
  type Replay,
  type RunProblem,
  type Scenario,
  type SimStoreApi,
} from "../../store/index.ts";

export const DEFAULT_SCENARIO = "default";
/** Runs up to this far into virtual time are replayed at once, before the first paint. */
const REPLAY_AT_ONCE_MS = 60_000;

export interface CurrentRun {
  /** Changes whenever another run replaces this one (the simulator remounts). */
  id: number;
  store: SimStoreApi;
  scenario: Scenario;
  /** The built-in scenario it is, if it is one unchanged. */
  builtinId: string | undefined;
  /** Whether the autosave owns it; a run opened from a link is not owned until the user acts. */
  adopted: boolean;
}

/** A run being replayed to its moment, and what it becomes once there. */
export interface PendingRun {
  replay: Replay;
  adopted: boolean;
  /** "the shared run", "your sandbox": for the progress line. */
  what: string;
}

export type Opening =
  | { kind: "ready"; run: CurrentRun }
  | { kind: "replaying"; pending: PendingRun }
  | { kind: "failed"; problem: RunProblem };

export type NoticeAction = "sandbox" | "default";

export interface Notice {
  tone: "error" | "info";
  message: string;
  details: string[];
  actions: NoticeAction[];
}

let nextId = 1;

export function currentRun(store: SimStoreApi, scenario: Scenario, adopted: boolean): CurrentRun {
  return { id: nextId++, store, scenario, builtinId: builtinIdOf(scenario), adopted };
}

export function problemNotice(problem: RunProblem, actions: NoticeAction[]): Notice {
  return {
    tone: "error",
    message: problem.message,
    details: problem.details.map(formatProblem),
    actions,
  };
}

export function openDefault(adopted = true): CurrentRun {
  const opened = openBuiltinScenario(DEFAULT_SCENARIO);
  // The default scenario is checked by the library's tests; failing here is a broken build.
  if (!opened.ok) throw new Error(`the default scenario does not open: ${opened.errors.join(" ")}`);
  return currentRun(opened.store, opened.scenario, adopted);
}

/** Starts replaying a checked run; short ones are finished at once. */
export function opening(run: OpenedRun, adopted: boolean, what: string): Opening {
  const started = startReplay(run);
  if (!started.ok) return { kind: "failed", problem: started.problem };
  if (run.time > REPLAY_AT_ONCE_MS)
    return { kind: "replaying", pending: { replay: started.replay, adopted, what } };
  const done = finishReplay(started.replay);
  if (!done.ok) return { kind: "failed", problem: done.problem };
  return { kind: "ready", run: currentRun(done.store, run.scenario, adopted) };
}

/** The sandbox if there is one that opens, else the default scenario; and why, if it did not open. */
export function sandboxOrDefault(storage: KeyValueStorage | null): {
  opening: Opening;
  restored: boolean;
  problem: RunProblem | null;
} {
  const saved = loadSandbox(storage);
  if (saved.kind === "ok") {
    const o = opening(saved.run, true, "your sandbox");
    if (o.kind !== "failed") return { opening: o, restored: true, problem: null };
    return { opening: { kind: "ready", run: openDefault() }, restored: false, problem: o.problem };
  }
  // An unreadable sandbox (a damaged one, or one from a newer Brokerlab) is not overwritten
  // before the user does something in the default scenario.
  return {
    opening: { kind: "ready", run: openDefault(saved.kind !== "unreadable") },
    restored: false,
    problem: saved.kind === "unreadable" ? saved.problem : null,
  };
}

export interface Startup {
  opening: Opening;
  notice: Notice | null;
  /** The link asked for embed mode. */
  embed: boolean;
}

const ready = (run: CurrentRun): Startup => ({
  opening: { kind: "ready", run },
  notice: null,
  embed: false,
});

function fromLink(hash: string, storage: KeyValueStorage | null): Startup {
  const decoded = decodeShareLink(hash);
  const o = decoded.ok ? opening(decoded.run, false, "the shared run") : null;
  if (decoded.ok && o && o.kind !== "failed") {
    const hasSandbox = storage !== null && loadSandbox(storage).kind === "ok";
    return {
      opening: o,
      embed: decoded.run.embed,
      notice: hasSandbox
        ? {
            tone: "info",
            message:
              "You are looking at a shared run. Your own sandbox is kept as it was until you change something here.",
            details: [],
            actions: ["sandbox"],
          }
        : null,
    };
  }
  const problem = decoded.ok ? (o as { problem: RunProblem }).problem : decoded.problem;
  const fallback = sandboxOrDefault(storage);
  const notice = problemNotice(problem, fallback.restored ? ["default"] : []);
  notice.message = `${problem.message} ${
    fallback.restored
      ? "Your sandbox is open instead, as you left it."
      : "The default scenario is open instead."
  }`;
  return { opening: fallback.opening, notice, embed: false };
}

export function startup(hash: string, search: string, storage: KeyValueStorage | null): Startup {
  if (hash.length > 1) return fromLink(hash, storage);

  const asked = new URLSearchParams(search).get("scenario");
  if (asked) {
    // Your own work in this very scenario is what you get back on a reload.
    const saved = loadSandbox(storage);
    if (saved.kind === "ok" && builtinIdOf(saved.run.scenario) === asked) {
      const o = opening(saved.run, true, "your sandbox");
      if (o.kind !== "failed") return { opening: o, notice: null, embed: false };
    }
    const opened = openBuiltinScenario(asked);
    if (opened.ok) return ready(currentRun(opened.store, opened.scenario, false));
    const fallback = sandboxOrDefault(storage);
    return {
      opening: fallback.opening,
      embed: false,
      notice: {
        tone: "error",
        message: `${opened.errors.join(" ")} ${
          fallback.restored
            ? "Your sandbox is open instead, as you left it."
            : "Showing the default scenario instead; pick another one below."
        }`,
        details: [],
        actions: fallback.restored ? ["default"] : [],
      },
    };
  }

  const fallback = sandboxOrDefault(storage);
  return {
    opening: fallback.opening,
    embed: false,
    notice: fallback.problem
      ? {
          ...problemNotice(fallback.problem, []),
          message: `Your saved sandbox could not be restored: ${fallback.problem.message} The default scenario is open instead.`,
        }
      : null,
  };
}
