// Reading one step of a lesson: its text, highlights, action, conditions and predict question.

import { commandOf } from "../toSpec.ts";
import { childPath, describeValue, didYouMean, listOf, type Problem } from "../problems.ts";
import { get, isRecord, readList, readString, requireObject, unknownFields } from "../readers.ts";
import type { Scenario, TimelineEntry } from "../schema.ts";
import { validateScenario } from "../validate.ts";
import type { Command } from "../../engine/index.ts";
import type { LessonWorld } from "./lessonWorld.ts";
import { readConditions, readNamed, readPartitionRef } from "./validateCondition.ts";
import type { Highlight, HighlightPanel, Predict, Step, StepAction } from "./schema.ts";

export const TEXT_LENGTH = 2000;

export const STEP_FIELDS = ["text", "highlight", "action", "until", "predict", "after"];
const PANELS: HighlightPanel[] = [
  "cluster",
  "topics",
  "groups",
  "producers",
  "audit",
  "events",
  "timeline",
  "controls",
];
const HIGHLIGHT_KINDS = ["broker", "leaderOf", "partition", "producer", "group", "panel"];

function readHighlight(
  v: unknown,
  path: string,
  world: LessonWorld,
  problems: Problem[],
): Highlight | undefined {
  if (!isRecord(v) || Object.keys(v).length !== 1) {
    problems.push({
      path,
      message: `a highlight is an object with one key (${listOf(HIGHLIGHT_KINDS)}), like {"broker": 2} or {"panel": "audit"}; not ${describeValue(v)}`,
    });
    return undefined;
  }
  const kind = Object.keys(v)[0]!;
  const at = childPath(path, kind);
  const body = v[kind];
  switch (kind) {
    case "broker":
      if (typeof body === "number" && world.brokers.includes(body)) return { broker: body };
      problems.push({
        path: at,
        message: `must be one of the brokers (${listOf(world.brokers)}), not ${describeValue(body)}`,
      });
      return undefined;
    case "leaderOf":
    case "partition": {
      if (!requireObject(body, at, '{"topic": "orders", "partition": 0}', problems))
        return undefined;
      unknownFields(body, at, ["topic", "partition"], problems);
      const ref = readPartitionRef(body, at, world, problems);
      if (!ref) return undefined;
      return kind === "leaderOf" ? { leaderOf: ref } : { partition: ref };
    }
    case "producer":
    case "group": {
      const known = kind === "producer" ? world.producers : world.groups;
      const name = readNamed(
        v,
        kind,
        path,
        known,
        kind === "producer" ? "producer" : "consumer group",
        problems,
      );
      if (name === undefined) return undefined;
      return kind === "producer" ? { producer: name } : { group: name };
    }
    case "panel":
      if (typeof body === "string" && (PANELS as string[]).includes(body))
        return { panel: body as HighlightPanel };
      problems.push({
        path: at,
        message: `must be one of ${listOf(PANELS)}, not ${describeValue(body)}`,
      });
      return undefined;
    default:
      problems.push({
        path: at,
        message: `unknown highlight${didYouMean(kind, HIGHLIGHT_KINDS)}; the kinds are ${listOf(HIGHLIGHT_KINDS)}`,
      });
      return undefined;
  }
}

export function readPredict(v: unknown, path: string, problems: Problem[]): Predict | undefined {
  if (!requireObject(v, path, '{"question", "choices", "explanation"}', problems)) return undefined;
  unknownFields(v, path, ["question", "choices", "explanation"], problems);
  const question = readString(v, "question", path, TEXT_LENGTH, problems, "the question");
  const explanation = readString(
    v,
    "explanation",
    path,
    TEXT_LENGTH,
    problems,
    "why the result is what it is",
  );
  const items = readList(v, "choices", path, 6, problems, "of choices");
  const choices: Predict["choices"] = [];
  items.forEach((c, i) => {
    const at = childPath(childPath(path, "choices"), i);
    if (!requireObject(c, at, '{"text": "...", "correct": true}', problems)) return;
    unknownFields(c, at, ["text", "correct"], problems);
    const text = readString(c, "text", at, 300, problems, "the choice's text");
    const correct = get(c, "correct") ?? false;
    if (typeof correct !== "boolean")
      problems.push({ path: childPath(at, "correct"), message: "must be true or false" });
    if (text !== undefined) choices.push({ text, correct: correct === true });
  });
  if (items.length < 2)
    problems.push({ path: childPath(path, "choices"), message: "needs at least two choices" });
  else if (!choices.some((c) => c.correct))
    problems.push({
      path: childPath(path, "choices"),
      message: 'no choice is marked "correct": true',
    });
  if (question === undefined || explanation === undefined) return undefined;
  return { question, choices, explanation };
}

/**
 * Reads a step's action: a timeline command (without "at") plus an optional button label.
 * It is checked by the scenario validator itself, appended after the scenario's timeline and
 * the earlier steps' actions, so it may refer to what those created.
 */
function readAction(
  v: unknown,
  path: string,
  doc: Record<string, unknown>,
  earlier: TimelineEntry[],
  problems: Problem[],
): { action: StepAction; entry: TimelineEntry; command: Command } | undefined {
  if (!requireObject(v, path, '{"do": "killBroker", "broker": 2}', problems)) return undefined;
  const { label, ...rest } = v;
  let leaderOf: StepAction["leaderOf"];
  const broker = rest["broker"];
  if (isRecord(broker)) {
    const ref = broker["leaderOf"];
    if (!isRecord(ref) || Object.keys(broker).length !== 1) {
      problems.push({
        path: childPath(path, "broker"),
        message: 'must be a broker id, or {"leaderOf": {"topic": "orders", "partition": 0}}',
      });
      return undefined;
    }
    leaderOf = { topic: String(ref["topic"]), partition: Number(ref["partition"]) };
    // Checked as any broker would be; the player puts the partition's leader there.
    rest["broker"] = 1;
  }
  if (
    label !== undefined &&
    (typeof label !== "string" || label.length === 0 || label.length > 80)
  ) {
    problems.push({
      path: childPath(path, "label"),
      message: "must be a button's text, 1 to 80 characters",
    });
    return undefined;
  }
  const end = earlier.reduce((m, e) => Math.max(m, e.at), 0) + 1;
  const timeline = [...earlier, { at: end, ...rest }];
  const checked = validateScenario({ ...doc, timeline });
  if (!checked.ok) {
    const at = `timeline[${timeline.length - 1}]`;
    for (const p of checked.problems) {
      const inAction = p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`);
      problems.push({
        path: inAction ? path + p.path.slice(at.length) : `${path} (scenario) ${p.path}`,
        message: p.message,
      });
    }
    return undefined;
  }
  if (leaderOf) {
    const world = worldOfDoc(checked.scenario);
    if (
      !world[leaderOf.topic] ||
      leaderOf.partition < 0 ||
      leaderOf.partition >= world[leaderOf.topic]! ||
      !Number.isInteger(leaderOf.partition)
    ) {
      problems.push({
        path: childPath(path, "broker"),
        message: "leaderOf names no partition of the lesson's topics",
      });
      return undefined;
    }
  }
  const entry = checked.scenario.timeline[checked.scenario.timeline.length - 1]!;
  const command = commandOf(entry, checked.scenario.consumerGroups);
  const { at: _at, ...scenarioCommand } = entry;
  const action: StepAction = { command: scenarioCommand, engineCommand: command };
  if (leaderOf) action.leaderOf = leaderOf;
  if (typeof label === "string") action.label = label;
  return { action, entry, command };
}

function worldOfDoc(s: Scenario): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of s.topics) out[t.name] = t.partitions;
  return out;
}

export interface StepContext {
  doc: Record<string, unknown>;
  world: LessonWorld;
  /** The scenario's timeline plus the earlier steps' actions (appended to as steps are read). */
  timeline: TimelineEntry[];
}

export function readStep(
  v: unknown,
  path: string,
  ctx: StepContext,
  problems: Problem[],
): Step | undefined {
  if (!requireObject(v, path, '{"text": "...", "until": [...]}', problems)) return undefined;
  const before = problems.length;
  unknownFields(v, path, STEP_FIELDS, problems);
  const text = readString(v, "text", path, TEXT_LENGTH, problems, "what the teacher says");
  const after = readString(v, "after", path, TEXT_LENGTH, problems, null);
  const highlight: Highlight[] = [];
  readList(v, "highlight", path, 10, problems, "of highlights").forEach((h, i) => {
    const read = readHighlight(h, childPath(childPath(path, "highlight"), i), ctx.world, problems);
    if (read) highlight.push(read);
  });
  const until = readConditions(get(v, "until"), childPath(path, "until"), ctx.world, problems);
  const predict =
    get(v, "predict") === undefined
      ? undefined
      : readPredict(get(v, "predict"), childPath(path, "predict"), problems);
  let action: StepAction | undefined;
  if (get(v, "action") !== undefined) {
    const read = readAction(
      get(v, "action"),
      childPath(path, "action"),
      ctx.doc,
      ctx.timeline,
      problems,
    );
    if (read) {
      action = read.action;
      ctx.timeline.push(read.entry);
      // Later steps may refer to what this one creates.
      const e = read.entry;
      if (e.do === "addConsumer") ctx.world.consumers.push(e.consumer);
      else if (e.do === "createTopic") ctx.world.topics[e.topic.name] = e.topic.partitions;
      else if (e.do === "addProducer") ctx.world.producers.push(e.producer.id);
      else if (e.do === "addBroker" && e.broker !== undefined) ctx.world.brokers.push(e.broker);
    }
  }
  return finishStep({ text, highlight, until, action, predict, after }, path, before, problems);
}

/**
 * The checks and assembly every kind of step shares: a prediction needs something to happen,
 * and a step with any problem since `before` (or no text) is not returned.
 */
export function finishStep(
  parts: Omit<Step, "text"> & { text: string | undefined },
  path: string,
  before: number,
  problems: Problem[],
): Step | undefined {
  const { text, highlight, until, action, predict, after } = parts;
  if (predict && !action && until.length === 0)
    problems.push({
      path: childPath(path, "predict"),
      message: 'a prediction needs something to happen: give the step an action or an "until"',
    });
  if (problems.length > before || text === undefined) return undefined;
  const step: Step = { text, highlight, until };
  if (action) step.action = action;
  if (predict) step.predict = predict;
  if (after !== undefined) step.after = after;
  return step;
}
