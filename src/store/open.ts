// Opening a scenario into a new store: from the built-in library, a file's text, a document
// made by the builder. Validation problems come back as readable lines; the scenario comes back
// too (normalized), since a share link and the autosave carry it.

import {
  BUILTIN_SCENARIOS,
  canonicalJson,
  formatProblem,
  loadBuiltinScenario,
  parseScenario,
  scenarioWithCommands,
  validateScenario,
  type Problem,
  type Scenario,
  type ValidationResult,
} from "../scenario/index.ts";
import { createSimStore, type SimStoreApi } from "./simStore.ts";

export type Opened =
  | { ok: true; store: SimStoreApi; scenario: Scenario }
  | { ok: false; errors: string[]; problems?: Problem[] };

export interface ScenarioEntry {
  id: string;
  title: string;
  summary: string;
}

/** The built-in scenarios in teaching order, for a picker. */
export function builtinScenarios(): ScenarioEntry[] {
  return BUILTIN_SCENARIOS.map(({ id, title, summary }) => ({ id, title, summary }));
}

function openValidated(checked: ValidationResult): Opened {
  if (!checked.ok)
    return { ok: false, errors: checked.problems.map(formatProblem), problems: checked.problems };
  const created = createSimStore(checked.spec);
  return created.ok ? { ...created, scenario: checked.scenario } : created;
}

export function openBuiltinScenario(id: string): Opened {
  const loaded = loadBuiltinScenario(id);
  if (!loaded) return { ok: false, errors: [`There is no built-in scenario called "${id}".`] };
  return openValidated(loaded);
}

/** A scenario file's text (JSON): syntax errors and the validator's problems come back as lines. */
export function openScenarioText(text: string): Opened {
  return openValidated(parseScenario(text));
}

/** A scenario document already parsed (the builder's). */
export function openScenarioDocument(document: unknown): Opened {
  return openValidated(validateScenario(document));
}

/** Checks a document without opening it (the builder shows the problems beside its fields). */
export function checkScenarioDocument(document: unknown): Problem[] {
  const checked = validateScenario(document);
  return checked.ok ? [] : checked.problems;
}

let builtinTexts: Map<string, string> | undefined;

/** The built-in scenario a (normalized) scenario is, if it is one unchanged. */
export function builtinIdOf(scenario: Scenario): string | undefined {
  if (!builtinTexts) {
    builtinTexts = new Map();
    for (const b of BUILTIN_SCENARIOS) {
      const loaded = loadBuiltinScenario(b.id);
      if (loaded?.ok) builtinTexts.set(canonicalJson(loaded.scenario), b.id);
    }
  }
  return builtinTexts.get(canonicalJson(scenario));
}

/** A scenario as a file: the normalized document, indented. */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/**
 * The run's scenario with the user's commands in its timeline, as file text: what a file can
 * carry of a run (a share link also carries the moment on screen).
 */
export function runFileText(
  scenario: Scenario,
  store: SimStoreApi,
): { ok: true; text: string; added: number } | { ok: false; message: string } {
  const r = scenarioWithCommands(scenario, store.getState().run.commands);
  return r.ok ? { ok: true, text: scenarioFileText(r.scenario), added: r.added } : r;
}
