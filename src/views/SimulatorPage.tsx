import { useCallback, useEffect, useMemo, useState } from "react";
import {
  browserStorage,
  builtinScenarios,
  createAutosave,
  openBuiltinScenario,
  type Scenario,
  type SimStoreApi,
} from "../store/index.ts";
import { ScenarioPicker } from "./ScenarioPicker.tsx";
import { Simulator } from "./Simulator.tsx";
import { ScenarioBuilder } from "./builder/ScenarioBuilder.tsx";
import { formatTime } from "./format.ts";
import {
  DEFAULT_SCENARIO,
  currentRun,
  openDefault,
  problemNotice,
  sandboxOrDefault,
  startup,
  type CurrentRun,
  type Notice,
  type NoticeAction,
  type Opening,
  type PendingRun,
} from "./share/currentRun.ts";
import { FileDrop, OpenFileButton } from "./share/FileDrop.tsx";
import { NoticeBanner } from "./share/Notice.tsx";
import { openScenarioFile } from "./share/openFile.ts";
import { ShareDialog } from "./share/ShareDialog.tsx";
import "./share/share.css";

/** Entry of the picker for a scenario that is not a built-in one (imported, built, shared). */
const CUSTOM = "__custom__";

/** `?embed`: minimal chrome for an iframe (no header, picker or sharing; the simulator only). */
const embedAsked = (): boolean => new URLSearchParams(window.location.search).has("embed");

/** Replaces the address without reloading: drops the fragment, and sets or drops `?scenario`. */
function setAddress(scenarioId: string | undefined): void {
  const url = new URL(window.location.href);
  url.hash = "";
  if (scenarioId) url.searchParams.set("scenario", scenarioId);
  else url.searchParams.delete("scenario");
  window.history.replaceState(null, "", url);
}

type Dialog = "share" | "builder" | null;

/**
 * The simulator page: the run on screen, where it came from, and the ways to bring in another
 * (picker, file, builder, link) or pass this one on (share, export). The sandbox autosave
 * watches whatever run is on screen; see src/store/sandbox.ts for when it saves.
 */
export function SimulatorPage() {
  const [start] = useState(() => {
    const embed = embedAsked();
    // An embedded run is a view for a page, not the user's work: it neither reads nor saves the sandbox.
    const storage = embed ? null : browserStorage();
    const s = startup(window.location.hash, window.location.search, storage);
    // A link may ask for embed mode itself: then the sandbox is left alone from here on too.
    return { ...s, embed: embed || s.embed, storage: s.embed ? null : storage };
  });
  const { embed, storage } = start;
  const [current, setCurrent] = useState<CurrentRun | null>(() =>
    start.opening.kind === "ready" ? start.opening.run : null,
  );
  const [pending, setPending] = useState<PendingRun | null>(() =>
    start.opening.kind === "replaying" ? start.opening.pending : null,
  );
  const [progress, setProgress] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(() =>
    start.opening.kind === "failed" ? problemNotice(start.opening.problem, []) : start.notice,
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const scenarios = builtinScenarios();
  const entry = scenarios.find((s) => s.id === current?.builtinId);

  /** Shows an opening: at once, after its replay, or (failed) the default scenario and why. */
  const show = useCallback((o: Opening): void => {
    setPending(o.kind === "replaying" ? o.pending : null);
    if (o.kind === "ready") setCurrent(o.run);
    if (o.kind === "replaying") {
      setCurrent(null);
      setProgress(0);
    }
    if (o.kind === "failed") {
      setCurrent(openDefault(false));
      setNotice(problemNotice(o.problem, []));
    }
  }, []);

  useEffect(() => {
    if (!pending) return;
    // A slice per task: the page paints the progress and hears "Stop" between two.
    let handle = setTimeout(function next() {
      const r = pending.replay.step();
      if (r.kind === "working") {
        setProgress(r.progress);
        handle = setTimeout(next, 0);
        return;
      }
      setPending(null);
      if (r.kind === "done")
        setCurrent(currentRun(pending.replay.store, pending.replay.run.scenario, pending.adopted));
      else {
        setCurrent(openDefault(false));
        setNotice(problemNotice(r.problem, []));
      }
    }, 0);
    return () => clearTimeout(handle);
  }, [pending]);

  const autosave = useMemo(
    () =>
      storage
        ? createAutosave({
            storage,
            onError: (message) => setNotice({ tone: "error", message, details: [], actions: [] }),
          })
        : null,
    [storage],
  );

  useEffect(() => {
    if (!autosave || !current) return;
    return autosave.watch(current.scenario, current.store, {
      adopted: current.adopted,
      // The shared run is the user's work now: the address no longer points at the link.
      onAdopt: () => {
        setAddress(current.builtinId);
        setNotice((n) => (n?.tone === "info" ? null : n));
      },
    });
  }, [autosave, current]);

  useEffect(() => {
    if (!autosave) return;
    const save = (): void => autosave.flush();
    const hidden = (): void => {
      if (document.visibilityState === "hidden") save();
    };
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", hidden);
    };
  }, [autosave]);

  useEffect(() => {
    document.documentElement.classList.toggle("embed", embed);
  }, [embed]);

  /** Puts another run on screen as the user's own (they chose it). */
  const replace = useCallback((store: SimStoreApi, scenario: Scenario): void => {
    const next = currentRun(store, scenario, true);
    setAddress(next.builtinId);
    setCurrent(next);
  }, []);

  const choose = (id: string): void => {
    if (id === CUSTOM) return;
    const opened = openBuiltinScenario(id);
    // A scenario that fails to open leaves the current run as it is.
    if (!opened.ok) {
      setNotice({ tone: "error", message: opened.errors.join(" "), details: [], actions: [] });
      return;
    }
    setNotice(null);
    replace(opened.store, opened.scenario);
  };

  const onFile = useCallback(
    (file: File): void => {
      void openScenarioFile(file).then((r) => {
        if (!r.ok) {
          setNotice(r.notice);
          return;
        }
        setNotice({
          tone: "info",
          message: `Opened “${r.scenario.name}” from ${file.name}.`,
          details: [],
          actions: [],
        });
        replace(r.store, r.scenario);
      });
    },
    [replace],
  );

  const act = (action: NoticeAction): void => {
    setNotice(null);
    if (action === "default") choose(DEFAULT_SCENARIO);
    else {
      const back = sandboxOrDefault(storage);
      setAddress(back.opening.kind === "ready" ? back.opening.run.builtinId : undefined);
      show(back.opening);
    }
  };

  if (!current)
    return (
      <main className="replaying">
        <p role="status">
          Opening {pending?.what ?? "the run"}: replaying{" "}
          {formatTime(pending ? pending.replay.run.time * progress : 0)} of{" "}
          {formatTime(pending?.replay.run.time ?? 0)}…
        </p>
        <progress max={1} value={progress} aria-label="Replay" />
        <p>
          <button
            type="button"
            onClick={() => {
              setPending(null);
              setNotice({
                tone: "info",
                message: `Opening ${pending?.what ?? "the run"} was stopped. The default scenario is open instead.`,
                details: [],
                actions: [],
              });
              // Not adopted: stopping the replay of the sandbox must not overwrite it.
              setCurrent(openDefault(false));
            }}
          >
            Stop and open the default scenario
          </button>
        </p>
      </main>
    );

  const pickerEntries = current.builtinId
    ? scenarios
    : [...scenarios, { id: CUSTOM, title: `Your scenario: ${current.scenario.name}`, summary: "" }];

  return (
    <>
      {!embed && (
        <section className="page-toolbar" aria-label="Scenario">
          <ScenarioPicker
            scenarios={pickerEntries}
            value={current.builtinId ?? CUSTOM}
            onChange={choose}
          />
          <div className="page-actions">
            <button type="button" onClick={() => setDialog("builder")}>
              New scenario…
            </button>
            <OpenFileButton onFile={onFile} />
            <button type="button" className="primary" onClick={() => setDialog("share")}>
              Share…
            </button>
          </div>
        </section>
      )}
      {!embed && <FileDrop onFile={onFile} />}
      {notice && <NoticeBanner notice={notice} onAction={act} onDismiss={() => setNotice(null)} />}
      {!embed &&
        (entry ? (
          <details className="scenario-summary">
            <summary>{entry.title}</summary>
            <p>{entry.summary}</p>
          </details>
        ) : (
          <details className="scenario-summary">
            <summary>{current.scenario.name}</summary>
            <p>{current.scenario.description || "A scenario of your own."}</p>
          </details>
        ))}
      {embed && (
        <p className="embed-bar">
          <span className="embed-title">{current.scenario.name}</span>
          <a
            href={`${window.location.pathname}${window.location.hash}`}
            target="_blank"
            rel="noopener"
          >
            Open in Brokerlab
          </a>
        </p>
      )}
      <main>
        <Simulator key={current.id} store={current.store} />
      </main>
      {dialog === "share" && (
        <ShareDialog
          scenario={current.scenario}
          store={current.store}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "builder" && (
        <ScenarioBuilder
          onClose={() => setDialog(null)}
          onOpen={(store, scenario) => {
            setDialog(null);
            setNotice(null);
            replace(store, scenario);
          }}
        />
      )}
    </>
  );
}
