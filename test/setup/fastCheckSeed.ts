// Property tests run with a fixed seed by default, so `npm test` (and CI) is reproducible: a
// failure names its seed and replays exactly. Explore new cases with FC_SEED=random, or try a
// given seed with FC_SEED=<n>.
import fc from "fast-check";

const DEFAULT_SEED = 20261125;
const chosen = process.env["FC_SEED"];
if (chosen !== "random")
  fc.configureGlobal({ seed: chosen === undefined ? DEFAULT_SEED : Number(chosen) });
