// The composition root: the one place that mounts the app into the page.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./views";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error('index.html has no element with id "root"');

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
