import { useEffect } from "react";
import { startClock, type ServicesStoreApi } from "../../store/index.ts";
import { ServicesComparison } from "../before/ServicesComparison.tsx";
import { ServicesContext, useServices } from "../before/ServicesContext.tsx";

/** A services lesson's picture: the side-by-side comparison, driven by the lesson's steps. */
export function ServicesStage({ store }: { store: ServicesStoreApi }) {
  useEffect(() => startClock(store), [store]);
  return (
    <ServicesContext.Provider value={store}>
      <div className="before lesson-services">
        <ServicesComparison picker={false}>
          <SituationTitle />
        </ServicesComparison>
      </div>
    </ServicesContext.Provider>
  );
}

function SituationTitle() {
  // A step may switch to another situation: its title then says which one runs. (The first
  // one may run without its own faults, so its title would promise what does not happen.)
  const title = useServices((s) =>
    s.log.some((a) => a.type === "choosePreset") ? s.run.preset.title : null,
  );
  if (title === null) return null;
  return (
    <p className="lesson-situation">
      <span className="muted">Situation:</span> <strong>{title}</strong>
    </p>
  );
}
