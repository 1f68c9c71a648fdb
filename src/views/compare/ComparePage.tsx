import { useEffect, useState } from "react";
import {
  COMPARE_PRESETS,
  compareSpecs,
  createBreakpointStore,
  createComparePair,
  findComparePreset,
  startClock,
  watchBreakpoints,
  type ComparePair,
  type ComparePreset,
} from "../../store/index.ts";
import { SimContext } from "../SimContext.tsx";
import { BreakpointNoticeBanner, BreakpointPicker } from "../presenter/BreakpointPicker.tsx";
import { HotkeyLegend } from "../presenter/HotkeyLegend.tsx";
import { Toast } from "../presenter/Toast.tsx";
import { presentingInUrl, usePresenterClass } from "../presenter/presenterMode.ts";
import { useDemoHotkeys } from "../presenter/useDemoHotkeys.ts";
import { useToast } from "../presenter/useToast.ts";
import { PlaybackControls } from "../time/PlaybackControls.tsx";
import { useKeyboardShortcuts } from "../useKeyboardShortcuts.ts";
import { CompareSide } from "./CompareSide.tsx";
import { Difference } from "./Difference.tsx";
import { FaultControls } from "./FaultControls.tsx";
import "./compare.css";

const PARAM = "preset";

type Built =
  | { ok: true; preset: ComparePreset; pair: ComparePair }
  | { ok: false; preset: ComparePreset; errors: string[] };

function build(preset: ComparePreset): Built {
  const specs = compareSpecs(preset);
  if (!specs.ok) return { ok: false, preset, errors: specs.errors };
  const created = createComparePair(specs.left, specs.right);
  return created.ok
    ? { ok: true, preset, pair: created.pair }
    : { ok: false, preset, errors: created.errors };
}

interface Current {
  built: Built;
  /** Why the page shows another comparison than the address asked for. */
  notice: string | null;
}

function initial(): Current {
  const asked = new URLSearchParams(window.location.search).get(PARAM);
  const found = asked === null ? undefined : findComparePreset(asked);
  const preset = found ?? COMPARE_PRESETS[0]!;
  const notice =
    asked !== null && !found
      ? `There is no comparison called "${asked}". Showing "${preset.title}"; pick another below.`
      : null;
  return { built: build(preset), notice };
}

function TimeShortcuts() {
  useKeyboardShortcuts();
  return null;
}

/** Both sides under one clock: the controls drive the left store, which the right follows. */
function SideBySide({ preset, pair }: { preset: ComparePreset; pair: ComparePair }) {
  useEffect(() => pair.link(), [pair]);
  useEffect(() => startClock(pair.left), [pair]);
  const [toast, showToast] = useToast();
  useDemoHotkeys(true, () => pair.left.getState().run.state, pair.issue, showToast);
  const labels = { left: preset.left.label, right: preset.right.label };
  // "Pause when" watches both sides: a hit on either stops the one clock at that moment.
  const [breakpoints] = useState(() => createBreakpointStore());
  useEffect(() => {
    const stopLeft = watchBreakpoints(pair.left, breakpoints, {
      where: `on the left (${labels.left})`,
    });
    const stopRight = watchBreakpoints(pair.right, breakpoints, {
      driver: pair.left,
      where: `on the right (${labels.right})`,
    });
    return () => {
      stopLeft();
      stopRight();
    };
  }, [pair, breakpoints, labels.left, labels.right]);
  return (
    <>
      <SimContext.Provider value={pair.left}>
        <TimeShortcuts />
        <PlaybackControls />
        <FaultControls issue={pair.issue} />
      </SimContext.Provider>
      <div className="compare-instructor">
        <HotkeyLegend />
        <BreakpointPicker store={breakpoints} />
      </div>
      <BreakpointNoticeBanner store={breakpoints} />
      <Difference pair={pair} labels={labels} />
      <div className="compare-sides">
        <CompareSide store={pair.left} side="Left" label={preset.left.label} />
        <CompareSide store={pair.right} side="Right" label={preset.right.label} />
      </div>
      <Toast toast={toast} />
    </>
  );
}

/** Compare mode: two configurations side by side under the same faults. */
export function ComparePage() {
  const [current, setCurrent] = useState<Current>(initial);
  usePresenterClass(presentingInUrl());
  const { built } = current;

  const choose = (id: string): void => {
    const preset = findComparePreset(id);
    if (!preset) return;
    const url = new URL(window.location.href);
    url.searchParams.set(PARAM, id);
    window.history.replaceState(window.history.state, "", url);
    setCurrent({ built: build(preset), notice: null });
  };

  return (
    <main className="compare">
      <div className="page-toolbar">
        <label className="compare-picker">
          <span>Comparison</span>
          <select value={built.preset.id} onChange={(e) => choose(e.target.value)}>
            {COMPARE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {current.notice && (
        <p role="alert" className="error-banner">
          {current.notice}
        </p>
      )}
      <p className="compare-summary">{built.preset.summary}</p>
      {built.ok ? (
        <SideBySide key={built.preset.id} preset={built.preset} pair={built.pair} />
      ) : (
        <p role="alert" className="error-banner">
          {built.errors.join(" ")}
        </p>
      )}
    </main>
  );
}
