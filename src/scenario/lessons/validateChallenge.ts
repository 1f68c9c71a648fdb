// Reading a challenge: the knobs the student sets, the fault plans the answer must survive,
// the goal's conditions, and a solution that the validator checks is at least a valid scenario
// (the lesson tests check that it passes, and that a wrong answer fails).

import { childPath, describeValue, didYouMean, listOf, quote, type Problem } from "../problems.ts";
import {
  get,
  isRecord,
  readInt,
  readList,
  readString,
  requireObject,
  unknownFields,
} from "../readers.ts";
import { validateScenario } from "../validate.ts";
import { challengeScenario, type ParameterValues } from "./challengeDocument.ts";
import { findBuiltinScenario } from "../library/index.ts";
import { worldOf, type LessonWorld } from "./lessonWorld.ts";
import type { Challenge, ChallengeParameter, ParameterTarget } from "./schema.ts";
import { readConditions } from "./validateCondition.ts";
import { TEXT_LENGTH } from "./validateStep.ts";

const FIELDS = [
  "scenario",
  "title",
  "goal",
  "parameters",
  "faultPlans",
  "until",
  "pass",
  "hint",
  "solution",
  "explanation",
  "bestCost",
];
const TARGETS = [
  "topicPartitions",
  "replicationFactor",
  "topicConfig",
  "producerAcks",
  "groupMembers",
];
const TOPIC_CONFIGS = ["min.insync.replicas", "unclean.leader.election.enable"];

function readTarget(
  v: unknown,
  path: string,
  world: LessonWorld,
  problems: Problem[],
): ParameterTarget | undefined {
  if (!isRecord(v) || Object.keys(v).length !== 1) {
    problems.push({
      path,
      message: `a target is an object with one key (${listOf(TARGETS)}), not ${describeValue(v)}`,
    });
    return undefined;
  }
  const kind = Object.keys(v)[0]!;
  const body = v[kind];
  const at = childPath(path, kind);
  const name = (known: readonly string[], what: string): string | undefined => {
    if (typeof body === "string" && known.includes(body)) return body;
    problems.push({
      path: at,
      message: `must name a ${what} of the scenario (${listOf(known)}), not ${describeValue(body)}`,
    });
    return undefined;
  };
  const topics = Object.keys(world.topics);
  switch (kind) {
    case "topicPartitions": {
      const t = name(topics, "topic");
      return t === undefined ? undefined : { topicPartitions: t };
    }
    case "replicationFactor": {
      const t = name(topics, "topic");
      return t === undefined ? undefined : { replicationFactor: t };
    }
    case "producerAcks": {
      const p = name(world.producers, "producer");
      return p === undefined ? undefined : { producerAcks: p };
    }
    case "groupMembers": {
      const g = name(world.groups, "consumer group");
      return g === undefined ? undefined : { groupMembers: g };
    }
    case "topicConfig": {
      if (!requireObject(body, at, '{"topic": "orders", "name": "min.insync.replicas"}', problems))
        return undefined;
      unknownFields(body, at, ["topic", "name"], problems);
      const topic = get(body, "topic");
      const config = get(body, "name");
      if (typeof topic !== "string" || !topics.includes(topic)) {
        problems.push({
          path: childPath(at, "topic"),
          message: `must name a topic of the scenario (${listOf(topics)})`,
        });
        return undefined;
      }
      if (typeof config !== "string" || !TOPIC_CONFIGS.includes(config)) {
        problems.push({
          path: childPath(at, "name"),
          message: `must be one of ${listOf(TOPIC_CONFIGS)}`,
        });
        return undefined;
      }
      return { topicConfig: { topic, name: config as "min.insync.replicas" } };
    }
    default:
      problems.push({
        path: at,
        message: `unknown target${didYouMean(kind, TARGETS)}; the targets are ${listOf(TARGETS)}`,
      });
      return undefined;
  }
}

const isValue = (v: unknown): v is number | string | boolean =>
  typeof v === "number" || typeof v === "string" || typeof v === "boolean";

function readParameter(
  v: unknown,
  path: string,
  world: LessonWorld,
  problems: Problem[],
): ChallengeParameter | undefined {
  if (!requireObject(v, path, '{"id", "label", "target", "choices", "initial"}', problems))
    return undefined;
  const before = problems.length;
  unknownFields(v, path, ["id", "label", "target", "choices", "initial", "costPerUnit"], problems);
  const id = readString(v, "id", path, 40, problems, "the parameter's id");
  const label = readString(v, "label", path, 80, problems, "what the control is called");
  const target = readTarget(get(v, "target"), childPath(path, "target"), world, problems);
  const choices = readList(v, "choices", path, 20, problems, "of values");
  if (choices.length < 2 || !choices.every(isValue))
    problems.push({
      path: childPath(path, "choices"),
      message: "needs two or more values (numbers, strings or true/false)",
    });
  const initial = get(v, "initial");
  if (!choices.some((c) => c === initial))
    problems.push({
      path: childPath(path, "initial"),
      message: `must be one of the choices, not ${describeValue(initial)}`,
    });
  const cost = get(v, "costPerUnit");
  if (cost !== undefined && (typeof cost !== "number" || !(cost >= 0)))
    problems.push({ path: childPath(path, "costPerUnit"), message: "must be a number, 0 or more" });
  if (problems.length > before || id === undefined || label === undefined || !target)
    return undefined;
  const p: ChallengeParameter = {
    id,
    label,
    target,
    choices: choices as ChallengeParameter["choices"],
    initial: initial as number,
  };
  if (typeof cost === "number") p.costPerUnit = cost;
  return p;
}

export function readChallenge(
  v: unknown,
  path: string,
  lessonDoc: Record<string, unknown>,
  lessonWorld: LessonWorld,
  problems: Problem[],
): Challenge | undefined {
  if (!requireObject(v, path, '{"title", "goal", "parameters", "pass", ...}', problems))
    return undefined;
  const before = problems.length;
  // A challenge may bring its own scenario (a built-in id or a document); else the lesson's.
  let doc = lessonDoc;
  let world = lessonWorld;
  const own = get(v, "scenario");
  if (own !== undefined) {
    const found = typeof own === "string" ? findBuiltinScenario(own)?.document : own;
    const checked = validateScenario(found);
    if (!isRecord(found) || !checked.ok) {
      problems.push({
        path: childPath(path, "scenario"),
        message: !isRecord(found)
          ? `must be a built-in scenario's id or a scenario document, not ${describeValue(own)}`
          : `is not a valid scenario: ${
              checked.ok
                ? ""
                : checked.problems
                    .map((p) => `${p.path} ${p.message}`)
                    .slice(0, 5)
                    .join("; ")
            }`,
      });
      return undefined;
    }
    doc = found;
    world = worldOf(checked.scenario);
  }
  unknownFields(v, path, FIELDS, problems);
  const title = readString(v, "title", path, 200, problems, "the challenge's title");
  const goal = readString(v, "goal", path, TEXT_LENGTH, problems, "the goal, in words");
  const hint = readString(v, "hint", path, TEXT_LENGTH, problems, "a hint");
  const explanation = readString(
    v,
    "explanation",
    path,
    TEXT_LENGTH,
    problems,
    "why the solution works",
  );
  const until = readInt(
    v,
    "until",
    path,
    { min: 1000, max: 600_000, what: "how long each run goes (ms)" },
    problems,
  );
  const bestCost = readInt(
    v,
    "bestCost",
    path,
    { min: 0, max: 1_000_000, what: "a cost" },
    problems,
    false,
  );
  const parameters: ChallengeParameter[] = [];
  readList(v, "parameters", path, 8, problems, "of parameters").forEach((p, i) => {
    const read = readParameter(p, childPath(childPath(path, "parameters"), i), world, problems);
    if (read) parameters.push(read);
  });
  if (parameters.length === 0 && problems.length === before)
    problems.push({
      path: childPath(path, "parameters"),
      message: "a challenge needs at least one parameter to set",
    });
  const ids = parameters.map((p) => p.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      problems.push({
        path: childPath(path, "parameters"),
        message: `two parameters are called ${quote(id)}`,
      });
  });
  const pass = readConditions(get(v, "pass"), childPath(path, "pass"), world, problems);
  if (pass.length === 0 && get(v, "pass") !== undefined && problems.length === before)
    problems.push({ path: childPath(path, "pass"), message: "needs at least one condition" });
  if (get(v, "pass") === undefined)
    problems.push({ path: childPath(path, "pass"), message: "missing: the goal's conditions" });

  const solutionValue = get(v, "solution");
  const solution: ParameterValues = {};
  if (
    requireObject(solutionValue, childPath(path, "solution"), '{"<parameter id>": value}', problems)
  ) {
    for (const p of parameters) {
      const s = get(solutionValue, p.id);
      if (!p.choices.some((c) => c === s))
        problems.push({
          path: childPath(childPath(path, "solution"), p.id),
          message: `must be one of the choices of ${quote(p.id)}, not ${describeValue(s)}`,
        });
      else solution[p.id] = s as number;
    }
    unknownFields(solutionValue, childPath(path, "solution"), ids, problems, "parameter");
  }

  const faultPlans: Challenge["faultPlans"] = [];
  readList(v, "faultPlans", path, 20, problems, "of fault plans").forEach((f, i) => {
    const at = childPath(childPath(path, "faultPlans"), i);
    if (!requireObject(f, at, '{"name": "...", "timeline": [...]}', problems)) return;
    unknownFields(f, at, ["name", "timeline"], problems);
    const name = readString(f, "name", at, 200, problems, "the plan's name");
    const timeline = get(f, "timeline");
    const baseTimeline = Array.isArray(doc["timeline"]) ? (doc["timeline"] as unknown[]) : [];
    const faults: unknown[] = Array.isArray(timeline) ? (timeline as unknown[]) : [];
    const checked = validateScenario({ ...doc, timeline: [...baseTimeline, ...faults] });
    if (!Array.isArray(timeline)) {
      problems.push({
        path: childPath(at, "timeline"),
        message: "must be a list of timeline commands",
      });
      return;
    }
    if (!checked.ok) {
      for (const p of checked.problems)
        problems.push({
          path: `${at}.timeline (as part of the scenario) ${p.path}`,
          message: p.message,
        });
      return;
    }
    if (name !== undefined)
      faultPlans.push({ name, timeline: checked.scenario.timeline.slice(baseTimeline.length) });
  });

  if (problems.length > before || !title || !goal || !hint || !explanation || until === undefined)
    return undefined;
  const challenge: Challenge = {
    title,
    goal,
    document: doc,
    parameters,
    faultPlans,
    until,
    pass,
    hint,
    solution,
    explanation,
  };
  if (bestCost !== undefined) challenge.bestCost = bestCost;
  // Every offered value must at least make a valid scenario with the others at their defaults,
  // and the solution must be valid as a whole.
  const sol = challengeScenario(challenge, solution);
  if (!sol.ok) {
    for (const p of sol.problems)
      problems.push({
        path: childPath(path, "solution"),
        message: `makes an invalid scenario: ${p.path} ${p.message}`,
      });
    return undefined;
  }
  return challenge;
}
