import { useState } from "react";
import { builtinScenarios, openBuiltinScenario, type Opened } from "../store/index.ts";
import { ScenarioPicker } from "./ScenarioPicker.tsx";
import { Simulator } from "./Simulator.tsx";

const DEFAULT_SCENARIO = "default";

interface Current {
  id: string;
  opened: Opened;
  /** Why the app shows something other than what was asked for, if it does. */
  notice: string | null;
}

/** Opens `?scenario=<id>` if it names a built-in scenario; anything else keeps the default, and says why. */
function initial(): Current {
  const asked = new URLSearchParams(window.location.search).get("scenario");
  if (asked && asked !== DEFAULT_SCENARIO) {
    const opened = openBuiltinScenario(asked);
    if (opened.ok) return { id: asked, opened, notice: null };
    return {
      id: DEFAULT_SCENARIO,
      opened: openBuiltinScenario(DEFAULT_SCENARIO),
      notice: `${opened.errors.join(" ")} Showing the default scenario instead; pick another one below.`,
    };
  }
  return { id: DEFAULT_SCENARIO, opened: openBuiltinScenario(DEFAULT_SCENARIO), notice: null };
}

/** The sandbox: a built-in scenario running in the simulator. */
export function SimulatorPage() {
  const [current, setCurrent] = useState<Current>(initial);
  const scenarios = builtinScenarios();
  const entry = scenarios.find((s) => s.id === current.id);

  const choose = (id: string): void => {
    const opened = openBuiltinScenario(id);
    // A scenario that fails to open leaves the current run as it is.
    if (!opened.ok) {
      setCurrent({ ...current, notice: opened.errors.join(" ") });
      return;
    }
    const url = new URL(window.location.href);
    url.searchParams.set("scenario", id);
    window.history.replaceState(null, "", url);
    setCurrent({ id, opened, notice: null });
  };

  return (
    <>
      <div className="page-toolbar">
        <ScenarioPicker scenarios={scenarios} value={current.id} onChange={choose} />
      </div>
      {current.notice && (
        <p role="alert" className="error-banner">
          {current.notice}
        </p>
      )}
      {entry && (
        <details className="scenario-summary">
          <summary>{entry.title}</summary>
          <p>{entry.summary}</p>
        </details>
      )}
      <main>
        {current.opened.ok ? (
          <Simulator key={current.id} store={current.opened.store} />
        ) : (
          <p role="alert">{current.opened.errors.join(" ")}</p>
        )}
      </main>
    </>
  );
}
