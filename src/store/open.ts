// Opening a scenario into a new store: validation problems come back as readable lines.

import { BUILTIN_SCENARIOS, formatProblem, loadBuiltinScenario } from "../scenario/index.ts";
import { createSimStore, type SimStoreApi } from "./simStore.ts";

export type Opened = { ok: true; store: SimStoreApi } | { ok: false; errors: string[] };

export interface ScenarioEntry {
  id: string;
  title: string;
  summary: string;
}

/** The built-in scenarios in teaching order, for a picker. */
export function builtinScenarios(): ScenarioEntry[] {
  return BUILTIN_SCENARIOS.map(({ id, title, summary }) => ({ id, title, summary }));
}

export function openBuiltinScenario(id: string): Opened {
  const loaded = loadBuiltinScenario(id);
  if (!loaded) return { ok: false, errors: [`There is no built-in scenario called "${id}".`] };
  if (!loaded.ok) return { ok: false, errors: loaded.problems.map(formatProblem) };
  return createSimStore(loaded.spec);
}
