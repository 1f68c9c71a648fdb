// Public face of the views layer: what the composition root (src/main.tsx) mounts.
export { App } from "./App";
