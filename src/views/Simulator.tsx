import { useEffect } from "react";
import { startClock, type SimStoreApi } from "../store/index.ts";
import { SimContext, useSim } from "./SimContext.tsx";
import { AuditPanel } from "./clients/AuditPanel.tsx";
import { Clients } from "./clients/Clients.tsx";
import { Charts } from "./charts/Charts.tsx";
import { ClusterControls } from "./controls/ClusterControls.tsx";
import { ClusterView } from "./cluster/ClusterView.tsx";
import { EventFeed } from "./feed/EventFeed.tsx";
import { AUDIT_ANCHOR } from "./feed/AuditLink.tsx";
import { ViewSwitch, useViewMode } from "./layout/ViewSwitch.tsx";
import { TablesView } from "./tables/TablesView.tsx";
import { InstructorTools } from "./presenter/InstructorTools.tsx";
import { PlaybackControls } from "./time/PlaybackControls.tsx";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts.ts";

function ErrorBanner() {
  const error = useSim((s) => s.error);
  const dismiss = useSim((s) => s.dismissError);
  if (!error) return null;
  return (
    <div role="alert" className="error-banner">
      {error}{" "}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The simulator's page: the playback bar on top (it stays there while the page scrolls), then
 * the picture of the cluster across the whole width, so a projector at 1280x720 shows every
 * broker at once; under it the controls, clients and charts, with the feed and the audit
 * beside them; one column on a phone or a narrow tablet.
 */
function Layout() {
  useKeyboardShortcuts();
  const [mode, setMode] = useViewMode();
  return (
    <>
      <PlaybackControls />
      <ErrorBanner />
      <div className="layout">
        <div className="picture-area">
          <div className="view-head">
            <h2>{mode === "picture" ? "The cluster" : "The cluster, as Kafka's tools print it"}</h2>
            <ViewSwitch mode={mode} onChange={setMode} />
          </div>
          {mode === "picture" && <ClusterView />}
          <TablesView shown={mode === "tables"} />
        </div>
        <div className="main-column">
          <ClusterControls />
          <Clients />
          <Charts />
        </div>
        <aside className="side-column" aria-label="Events and audit">
          <EventFeed />
          {/* The feed's audit link brings the focus here. */}
          <div id={AUDIT_ANCHOR} tabIndex={-1} className="audit-anchor">
            <AuditPanel />
          </div>
          {/* The teacher's tools: beside the controls, under what students read most. */}
          <InstructorTools />
        </aside>
      </div>
    </>
  );
}

export function Simulator({ store }: { store: SimStoreApi }) {
  useEffect(() => startClock(store), [store]);
  return (
    <SimContext.Provider value={store}>
      <Layout />
    </SimContext.Provider>
  );
}
