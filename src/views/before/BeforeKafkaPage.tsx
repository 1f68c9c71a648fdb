// "Before Kafka": why brokers exist. The same services, the same workload and the same faults,
// on two sides: calling each other directly, and through a broker.

import { useEffect, useState } from "react";
import { createServicesStore, startClock } from "../../store/index.ts";
import { LessonText } from "./LessonText.tsx";
import { ServicesComparison } from "./ServicesComparison.tsx";
import { ServicesContext } from "./ServicesContext.tsx";
import "./before.css";

const PARAM = "situation";

function situationFromUrl(): string {
  return new URLSearchParams(window.location.search).get(PARAM) ?? "calm";
}

export function BeforeKafkaPage() {
  const [store] = useState(() => createServicesStore(situationFromUrl()));
  useEffect(() => startClock(store), [store]);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.presetId === prev.presetId) return;
        const url = new URL(window.location.href);
        url.searchParams.set(PARAM, s.presetId);
        window.history.replaceState(null, "", url);
      }),
    [store],
  );
  return (
    <ServicesContext.Provider value={store}>
      <main className="before">
        <ServicesComparison>
          <LessonText part="intro" />
        </ServicesComparison>
        <LessonText part="body" />
      </main>
    </ServicesContext.Provider>
  );
}
