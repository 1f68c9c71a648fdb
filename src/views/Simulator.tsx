import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import { startClock, type SimStoreApi } from "../store/index.ts";
import { SimContext, useSim } from "./SimContext.tsx";
import { AuditPanel } from "./clients/AuditPanel.tsx";
import { ProducerPanel } from "./clients/ProducerPanel.tsx";
import { ClusterView } from "./cluster/ClusterView.tsx";
import { EventFeed } from "./feed/EventFeed.tsx";
import { GroupsTable } from "./tables/GroupsTable.tsx";
import { TopicsTable } from "./tables/TopicsTable.tsx";
import { PlaybackControls } from "./time/PlaybackControls.tsx";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts.ts";

function Producers() {
  const ids = useSim(useShallow((s) => Object.keys(s.run.state.producers)));
  return (
    <section aria-label="Producers" className="producers">
      {ids.map((id) => (
        <ProducerPanel key={id} id={id} />
      ))}
    </section>
  );
}

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

function Layout() {
  useKeyboardShortcuts();
  return (
    <>
      <PlaybackControls />
      <ErrorBanner />
      <div className="layout">
        <div className="main-column">
          <ClusterView />
          <TopicsTable />
          <GroupsTable />
          <Producers />
        </div>
        <aside className="side-column">
          <AuditPanel />
          <EventFeed />
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
