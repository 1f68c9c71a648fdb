// Reading an untrusted lesson document: its own fields, its scenario (a built-in scenario's id
// or an inline scenario, checked by the scenario validator), each step in order, and the
// challenge. Like validateScenario, it returns the lesson or every problem, and never throws.

import { findBuiltinScenario } from "../library/index.ts";
import { childPath, describeValue, didYouMean, listOf, quote, type Problem } from "../problems.ts";
import {
  get,
  has,
  isRecord,
  readBoolean,
  readInt,
  readList,
  readString,
  requireObject,
  unknownFields,
} from "../readers.ts";
import { validateScenario } from "../validate.ts";
import { worldOf } from "./lessonWorld.ts";
import type { Lesson, ServicesSetup, Step } from "./schema.ts";
import {
  findServicesPreset,
  servicesPresetIds,
  servicesWorldOf,
  type ServicesWorld,
} from "./servicesWorld.ts";
import { readServicesStep } from "./validateServicesStep.ts";
import { readChallenge } from "./validateChallenge.ts";
import { readStep, TEXT_LENGTH, type StepContext } from "./validateStep.ts";

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; problems: Problem[] };

const FIELDS = [
  "id",
  "chapter",
  "title",
  "summary",
  "seeAlso",
  "simulation",
  "scenario",
  "services",
  "steps",
  "challenge",
];
const SIMULATIONS = ["kafka", "services"];
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function readScenarioField(
  v: unknown,
  problems: Problem[],
): { id: string | null; doc: Record<string, unknown> } | undefined {
  if (typeof v === "string") {
    const found = findBuiltinScenario(v);
    if (!found) {
      problems.push({
        path: "scenario",
        message: `there is no built-in scenario called ${quote(v)}`,
      });
      return undefined;
    }
    return { id: found.id, doc: found.document as Record<string, unknown> };
  }
  if (isRecord(v)) return { id: null, doc: v };
  problems.push({
    path: "scenario",
    message: `must be a built-in scenario's id or a scenario document, not ${describeValue(v)}`,
  });
  return undefined;
}

/** A services lesson's setup: {"preset": "calm", "durationMs": 60000, "timeline": false}. */
function readServicesSetup(
  v: unknown,
  problems: Problem[],
): { setup: ServicesSetup; world: ServicesWorld } | undefined {
  if (!requireObject(v, "services", '{"preset": "calm"}', problems)) return undefined;
  unknownFields(v, "services", ["preset", "durationMs", "timeline"], problems);
  const id = readString(v, "preset", "services", 64, problems, "the situation's id");
  const durationMs = readInt(
    v,
    "durationMs",
    "services",
    { min: 5000, max: 600_000, what: "the run's length in virtual ms" },
    problems,
    false,
  );
  const timeline = readBoolean(v, "timeline", "services", problems);
  if (id === undefined) return undefined;
  const preset = findServicesPreset(id);
  if (!preset) {
    problems.push({
      path: "services.preset",
      message: `there is no situation called ${quote(id)}${didYouMean(id, servicesPresetIds())}; they are ${listOf(servicesPresetIds())}`,
    });
    return undefined;
  }
  const setup: ServicesSetup = { preset: id, timeline: timeline !== false };
  if (durationMs !== undefined) setup.durationMs = durationMs;
  return { setup, world: servicesWorldOf(preset) };
}

function readCommon(input: Record<string, unknown>, problems: Problem[]) {
  const id = readString(input, "id", "", 64, problems, "the lesson's id");
  if (id !== undefined && !ID.test(id))
    problems.push({ path: "id", message: "must be lower-case letters, digits and dashes" });
  const chapter = readInt(
    input,
    "chapter",
    "",
    { min: 1, max: 999, what: "the chapter number" },
    problems,
  );
  const title = readString(input, "title", "", 120, problems, "the chapter's title");
  const summary = readString(
    input,
    "summary",
    "",
    TEXT_LENGTH,
    problems,
    "one line on what it teaches",
  );
  let seeAlso: Lesson["seeAlso"];
  const see = get(input, "seeAlso");
  if (
    see !== undefined &&
    requireObject(see, "seeAlso", '{"page": "before-kafka", "label": "..."}', problems)
  ) {
    unknownFields(see, "seeAlso", ["page", "label", "preset"], problems);
    const page = readString(see, "page", "seeAlso", 40, problems, "the page's id");
    const label = readString(see, "label", "seeAlso", 120, problems, "the link's text");
    const preset = readString(see, "preset", "seeAlso", 40, problems, null);
    if (page !== undefined && label !== undefined)
      seeAlso = preset === undefined ? { page, label } : { page, label, preset };
  }
  return { id, chapter, title, summary, seeAlso };
}

/** The steps, read one by one with `readOne`. */
function readSteps(
  input: Record<string, unknown>,
  problems: Problem[],
  readOne: (s: unknown, path: string) => Step | undefined,
): Step[] {
  const steps: Step[] = [];
  const items = readList(input, "steps", "", 40, problems, "of steps");
  if (items.length === 0 && get(input, "steps") !== undefined)
    problems.push({ path: "steps", message: "a lesson needs at least one step" });
  if (get(input, "steps") === undefined)
    problems.push({ path: "steps", message: "missing: the lesson's steps" });
  items.forEach((s, i) => {
    const step = readOne(s, childPath("steps", i));
    if (step) steps.push(step);
  });
  return steps;
}

function readServicesLesson(input: Record<string, unknown>): LessonResult {
  const problems: Problem[] = [];
  const { id, chapter, title, summary, seeAlso } = readCommon(input, problems);
  if (has(input, "scenario"))
    problems.push({
      path: "scenario",
      message: 'a services lesson runs a situation named in "services", not a Kafka scenario',
    });
  if (has(input, "challenge"))
    problems.push({ path: "challenge", message: "challenges run on the Kafka simulator only" });
  if (!has(input, "services"))
    problems.push({ path: "services", message: 'missing: the situation, like {"preset": "calm"}' });
  const read = has(input, "services")
    ? readServicesSetup(get(input, "services"), problems)
    : undefined;
  if (!read) return { ok: false, problems };
  const steps = readSteps(input, problems, (s, path) =>
    readServicesStep(s, path, read.world, problems),
  );
  if (problems.length > 0 || !id || chapter === undefined || !title || summary === undefined)
    return { ok: false, problems };
  const lesson: Lesson = {
    simulation: "services",
    id,
    chapter,
    title,
    summary,
    services: read.setup,
    steps,
  };
  if (seeAlso) lesson.seeAlso = seeAlso;
  return { ok: true, lesson };
}

function readLesson(input: unknown): LessonResult {
  const problems: Problem[] = [];
  if (!requireObject(input, "", '{"id", "chapter", "title", "scenario", "steps"}', problems))
    return { ok: false, problems };
  unknownFields(input, "", FIELDS, problems);
  const simulation = get(input, "simulation") ?? "kafka";
  if (typeof simulation !== "string" || !SIMULATIONS.includes(simulation)) {
    problems.push({
      path: "simulation",
      message: `must be ${listOf(SIMULATIONS.map((x) => `"${x}"`))}, not ${describeValue(simulation)}${typeof simulation === "string" ? didYouMean(simulation, SIMULATIONS) : ""}`,
    });
    return { ok: false, problems };
  }
  if (simulation === "services") {
    const r = readServicesLesson(input);
    return r.ok ? r : { ok: false, problems: [...problems, ...r.problems] };
  }
  if (has(input, "services"))
    problems.push({
      path: "services",
      message: 'only a lesson with "simulation": "services" runs a situation',
    });
  const { id, chapter, title, summary, seeAlso } = readCommon(input, problems);

  const source = readScenarioField(get(input, "scenario"), problems);
  if (!source) return { ok: false, problems };
  const checked = validateScenario(source.doc);
  if (!checked.ok) {
    for (const p of checked.problems)
      problems.push({
        path: p.path === "" ? "scenario" : `scenario.${p.path}`,
        message: p.message,
      });
    return { ok: false, problems };
  }
  const world = worldOf(checked.scenario);
  const ctx: StepContext = { doc: source.doc, world, timeline: [...checked.scenario.timeline] };
  const steps = readSteps(input, problems, (s, path) => readStep(s, path, ctx, problems));
  const challengeValue = get(input, "challenge");
  const challenge =
    challengeValue === undefined
      ? undefined
      : readChallenge(challengeValue, "challenge", source.doc, world, problems);

  if (problems.length > 0 || !id || chapter === undefined || !title || summary === undefined)
    return { ok: false, problems };
  const lesson: Lesson = {
    simulation: "kafka",
    id,
    chapter,
    title,
    summary,
    scenarioId: source.id,
    scenario: checked.scenario,
    spec: checked.spec,
    steps,
  };
  if (seeAlso) lesson.seeAlso = seeAlso;
  if (challenge) lesson.challenge = challenge;
  return { ok: true, lesson };
}

/** Checks a lesson document and returns the lesson, or every problem. Never throws. */
export function validateLesson(input: unknown): LessonResult {
  try {
    return readLesson(input);
  } catch (e) {
    const why = e instanceof Error ? e.message : "an unreadable value";
    return {
      ok: false,
      problems: [{ path: "", message: `this lesson could not be read: ${why}` }],
    };
  }
}
