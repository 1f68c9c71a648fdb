// Reading one step of a services lesson: its text, highlights, action (a command on both sides
// of the comparison, or a switch to another situation), conditions and prediction. The world
// follows the steps: an added receiver or a new situation is what later steps may name.

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
import type { ServicesPanel, ServicesStepAction, Step } from "./schema.ts";
import {
  findServicesPreset,
  servicesPresetIds,
  servicesSideIndex,
  servicesWorldOf,
  SIDE_REFS,
  type ServicesWorld,
} from "./servicesWorld.ts";
import { readServicesConditions } from "./validateServicesCondition.ts";
import { finishStep, readPredict, STEP_FIELDS, TEXT_LENGTH } from "./validateStep.ts";

const PANELS: ServicesPanel[] = ["figures", "charts", "controls", "faults"];
const HIGHLIGHT_KINDS = ["side", "receiver", "servicesPanel"];

/** Each action, the fields it takes besides "do" and "label". */
const ACTIONS: Record<string, string[]> = {
  stopReceiver: ["receiver"],
  startReceiver: ["receiver"],
  slowReceiver: ["receiver", "serviceMs"],
  addReceiver: ["service"],
  setRate: ["perSecond"],
  stopBroker: [],
  startBroker: [],
  choosePreset: ["preset"],
};
const ACTION_NAMES = Object.keys(ACTIONS);

function readName(
  o: Record<string, unknown>,
  key: string,
  path: string,
  known: readonly string[],
  what: string,
  problems: Problem[],
): string | undefined {
  const v = readString(o, key, path, 100, problems, `the ${what}`);
  if (v === undefined) return undefined;
  if (!known.includes(v)) {
    problems.push({
      path: childPath(path, key),
      message: `no ${what} ${quote(v)} in the situation${didYouMean(v, known)} (there ${known.length === 1 ? "is" : "are"} ${listOf(known)})`,
    });
    return undefined;
  }
  return v;
}

function readHighlight(
  v: unknown,
  path: string,
  world: ServicesWorld,
  problems: Problem[],
): Step["highlight"][number] | undefined {
  if (!isRecord(v) || Object.keys(v).length !== 1) {
    problems.push({
      path,
      message: `a highlight is an object with one key (${listOf(HIGHLIGHT_KINDS)}), like {"side": "direct"} or {"receiver": "orders-1"}; not ${describeValue(v)}`,
    });
    return undefined;
  }
  const kind = Object.keys(v)[0]!;
  const body = v[kind];
  const at = childPath(path, kind);
  if (kind === "side") {
    const ok = typeof body === "string" && (SIDE_REFS as string[]).includes(body);
    const side = ok ? servicesSideIndex(world.preset, body as (typeof SIDE_REFS)[number]) : null;
    if (side?.ok) return { side: body as (typeof SIDE_REFS)[number] };
    problems.push({
      path: at,
      message: side
        ? side.message
        : `must be one of ${listOf(SIDE_REFS)}, not ${describeValue(body)}`,
    });
    return undefined;
  }
  if (kind === "receiver") {
    const name = readName(v, "receiver", path, world.receivers, "receiver", problems);
    return name === undefined ? undefined : { receiver: name };
  }
  if (kind === "servicesPanel") {
    if (typeof body === "string" && (PANELS as string[]).includes(body))
      return { servicesPanel: body as ServicesPanel };
    problems.push({
      path: at,
      message: `must be one of ${listOf(PANELS)}, not ${describeValue(body)}`,
    });
    return undefined;
  }
  problems.push({
    path: at,
    message: `unknown highlight${didYouMean(kind, HIGHLIGHT_KINDS)}; a services lesson's kinds are ${listOf(HIGHLIGHT_KINDS)}`,
  });
  return undefined;
}

/** Reads a services action and updates the world for the steps after it. */
function readAction(
  v: unknown,
  path: string,
  world: ServicesWorld,
  problems: Problem[],
): ServicesStepAction | undefined {
  if (!requireObject(v, path, '{"do": "stopReceiver", "receiver": "orders-1"}', problems))
    return undefined;
  const what = get(v, "do");
  if (typeof what !== "string" || !ACTION_NAMES.includes(what)) {
    problems.push({
      path: childPath(path, "do"),
      message: `must be one of ${listOf(ACTION_NAMES)}, not ${describeValue(what)}${typeof what === "string" ? didYouMean(what, ACTION_NAMES) : ""}`,
    });
    return undefined;
  }
  const before = problems.length;
  unknownFields(v, path, ["do", "label", ...ACTIONS[what]!], problems);
  const label = get(v, "label");
  if (label !== undefined && (typeof label !== "string" || label.length === 0 || label.length > 80))
    problems.push({
      path: childPath(path, "label"),
      message: "must be a button's text, 1 to 80 characters",
    });
  const hasBroker = world.preset.sides.some((s) => s.mode === "broker");
  let command: ServicesStepAction["services"] | undefined;
  switch (what) {
    case "stopReceiver":
    case "startReceiver": {
      const receiver = readName(v, "receiver", path, world.receivers, "receiver", problems);
      if (receiver !== undefined) command = { type: what, receiver };
      break;
    }
    case "slowReceiver": {
      const receiver = readName(v, "receiver", path, world.receivers, "receiver", problems);
      const serviceMs = readInt(
        v,
        "serviceMs",
        path,
        { min: 1, max: 60_000, what: "milliseconds per message" },
        problems,
      );
      if (receiver !== undefined && serviceMs !== undefined)
        command = { type: what, receiver, serviceMs };
      break;
    }
    case "addReceiver": {
      const service = readName(v, "service", path, world.services, "service", problems);
      if (service !== undefined) {
        command = { type: what, service };
        const n = world.receivers.filter((r) => r.startsWith(`${service}-`)).length;
        world.receivers.push(`${service}-${n + 1}`);
      }
      break;
    }
    case "setRate": {
      const perSecond = readInt(
        v,
        "perSecond",
        path,
        { min: 0, max: 10_000, what: "messages a second" },
        problems,
      );
      if (perSecond !== undefined) command = { type: what, perSecond };
      break;
    }
    case "stopBroker":
    case "startBroker":
      if (!hasBroker)
        problems.push({
          path: childPath(path, "do"),
          message: `the situation "${world.preset.id}" has no broker`,
        });
      else command = { type: what };
      break;
    default: {
      const id = readString(v, "preset", path, 64, problems, "the situation's id");
      if (id === undefined) break;
      const preset = findServicesPreset(id);
      if (!preset) {
        problems.push({
          path: childPath(path, "preset"),
          message: `there is no situation called ${quote(id)}${didYouMean(id, servicesPresetIds())}; they are ${listOf(servicesPresetIds())}`,
        });
        break;
      }
      command = { type: "choosePreset", preset: id };
      Object.assign(world, servicesWorldOf(preset));
    }
  }
  if (problems.length > before || !command) return undefined;
  const action: ServicesStepAction = { services: command };
  if (typeof label === "string") action.label = label;
  return action;
}

export function readServicesStep(
  v: unknown,
  path: string,
  world: ServicesWorld,
  problems: Problem[],
): Step | undefined {
  if (!requireObject(v, path, '{"text": "...", "until": [...]}', problems)) return undefined;
  const before = problems.length;
  unknownFields(v, path, STEP_FIELDS, problems);
  const text = readString(v, "text", path, TEXT_LENGTH, problems, "what the teacher says");
  const after = readString(v, "after", path, TEXT_LENGTH, problems, null);
  const predict =
    get(v, "predict") === undefined
      ? undefined
      : readPredict(get(v, "predict"), childPath(path, "predict"), problems);
  // The action comes first: a step that switches situation is measured on the new one.
  const action =
    get(v, "action") === undefined
      ? undefined
      : readAction(get(v, "action"), childPath(path, "action"), world, problems);
  const highlight: Step["highlight"] = [];
  readList(v, "highlight", path, 10, problems, "of highlights").forEach((h, i) => {
    const read = readHighlight(h, childPath(childPath(path, "highlight"), i), world, problems);
    if (read) highlight.push(read);
  });
  const until = readServicesConditions(get(v, "until"), childPath(path, "until"), world, problems);
  return finishStep({ text, highlight, until, action, predict, after }, path, before, problems);
}
