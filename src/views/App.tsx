import { Suspense, lazy, useEffect, useState, type ReactNode } from "react";
import { SimulatorPage } from "./SimulatorPage.tsx";
import "./styles.css";

// The simulator ships with the page; the other sections load when first opened.
const BeforeKafkaPage = lazy(() =>
  import("./before/BeforeKafkaPage.tsx").then((m) => ({ default: m.BeforeKafkaPage })),
);
const ComparePage = lazy(() =>
  import("./compare/ComparePage.tsx").then((m) => ({ default: m.ComparePage })),
);
const LessonsPage = lazy(() =>
  import("./lessons/LessonsPage.tsx").then((m) => ({ default: m.LessonsPage })),
);

/** The app's sections, in the order of the navigation bar; `?page=<id>` opens one. */
interface Page {
  id: string;
  title: string;
  render: () => ReactNode;
}

const PAGES: readonly Page[] = [
  { id: "simulator", title: "Simulator", render: () => <SimulatorPage /> },
  { id: "before-kafka", title: "Before Kafka", render: () => <BeforeKafkaPage /> },
  { id: "compare", title: "Compare", render: () => <ComparePage /> },
  { id: "lessons", title: "Lessons", render: () => <LessonsPage /> },
];

const DEFAULT_PAGE = PAGES[0]!.id;

function pageFromUrl(): string {
  const asked = new URLSearchParams(window.location.search).get("page");
  return PAGES.some((p) => p.id === asked) ? asked! : DEFAULT_PAGE;
}

export function App() {
  const [pageId, setPageId] = useState(pageFromUrl);
  useEffect(() => {
    const onPop = (): void => setPageId(pageFromUrl());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const go = (id: string): void => {
    const url = new URL(window.location.href);
    // Each section reads its own query parameters; keep only the page.
    url.search = id === DEFAULT_PAGE ? "" : `?page=${id}`;
    url.hash = "";
    window.history.pushState(null, "", url);
    setPageId(id);
  };
  const page = PAGES.find((p) => p.id === pageId) ?? PAGES[0]!;

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Brokerlab</h1>
          <p className="tagline">An Apache Kafka cluster you can break, in your browser.</p>
        </div>
        {PAGES.length > 1 && (
          <nav aria-label="Sections" className="app-nav">
            {PAGES.map((p) => (
              <a
                key={p.id}
                href={p.id === DEFAULT_PAGE ? "?" : `?page=${p.id}`}
                aria-current={p.id === page.id ? "page" : undefined}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                  e.preventDefault();
                  go(p.id);
                }}
              >
                {p.title}
              </a>
            ))}
          </nav>
        )}
      </header>
      <Suspense fallback={<p className="page-loading">Loading {page.title}…</p>}>
        {page.render()}
      </Suspense>
    </div>
  );
}
