// Reading an untrusted scenario: from a file, a pasted text or a shared link. The order is
// Excalidraw's restore: check the version (and migrate older ones), fill defaults, validate.
// The result is either a normalized Scenario with its engine spec, or every problem found,
// each with the JSON path of the field and a sentence for the person who wrote it. It never
// throws, whatever it is given, and its work is bounded by SCENARIO_LIMITS, not by the input.
// This file reads the document's own fields and hands each part to the file named for it.

import type { SimulationSpec } from "../engine/index.ts";
import { SCENARIO_LIMITS, enough } from "./limits.ts";
import { childPath, describeValue, type Problem } from "./problems.ts";
import {
  get,
  isListOrAbsent,
  isRecord,
  readInt,
  readList,
  readString,
  unknownFields,
} from "./readers.ts";
import { SCENARIO_VERSION, type Scenario } from "./schema.ts";
import { toSpec } from "./toSpec.ts";
import { readBrokers, readCluster } from "./validateCluster.ts";
import { readProducer } from "./validateProducers.ts";
import { readGroup } from "./validateGroups.ts";
import { readTimeline } from "./validateTimeline.ts";
import { readTopic } from "./validateTopics.ts";
import type { World } from "./world.ts";

// The limits live in their own file so that the parts can use them without importing this one.
export { SCENARIO_LIMITS };

export type ValidationResult =
  { ok: true; scenario: Scenario; spec: SimulationSpec } | { ok: false; problems: Problem[] };

const TOP_LEVEL_FIELDS = [
  "version",
  "name",
  "description",
  "seed",
  "brokers",
  "topics",
  "producers",
  "consumerGroups",
  "cluster",
  "timeline",
];

function readDocument(input: unknown): ValidationResult {
  if (!isRecord(input))
    return fail([
      {
        path: "",
        message: `a scenario is a JSON object ({"version": 1, "name": ..., "brokers": 3, ...}), not ${describeValue(input)}`,
      },
    ]);
  const version = get(input, "version");
  if (version === undefined)
    return fail([
      {
        path: "version",
        message: `missing: this Brokerlab reads scenarios of version ${SCENARIO_VERSION}; add "version": 1`,
      },
    ]);
  if (typeof version === "number" && Number.isInteger(version) && version > SCENARIO_VERSION)
    return fail([
      {
        path: "version",
        message: `this scenario was written for a newer Brokerlab (version ${version}); this one reads version ${SCENARIO_VERSION}`,
      },
    ]);
  if (version !== SCENARIO_VERSION)
    return fail([
      { path: "version", message: `must be ${SCENARIO_VERSION}, not ${describeValue(version)}` },
    ]);
  // Migrations from older versions go here, before defaults and checks (none yet: 1 is the first).

  const problems: Problem[] = [];
  unknownFields(input, "", TOP_LEVEL_FIELDS, problems);
  const name = readString(
    input,
    "name",
    "",
    SCENARIO_LIMITS.nameLength,
    problems,
    "the scenario's name",
  );
  if (name === "") problems.push({ path: "name", message: "is empty: give the scenario a name" });
  const description =
    readString(input, "description", "", SCENARIO_LIMITS.descriptionLength, problems, null) ?? "";
  const seed =
    readInt(
      input,
      "seed",
      "",
      { min: 0, max: 4294967295, what: "the random seed" },
      problems,
      false,
    ) ?? 1;
  const brokers = readBrokers(get(input, "brokers"), problems);
  const world: World = {
    brokers: brokers ? brokers.map((b) => b.id) : null,
    racks: brokers?.some((b) => b.rack !== undefined) ?? false,
    topics: new Map(),
    producers: new Map(),
    topicsUnknown: !isListOrAbsent(get(input, "topics"), SCENARIO_LIMITS.topics),
    producersUnknown: !isListOrAbsent(get(input, "producers"), SCENARIO_LIMITS.producers),
    partitionsInAll: 0,
    groups: { groups: new Map(), consumers: new Map() },
  };
  const cluster = readCluster(get(input, "cluster"), world, problems);
  const topics = readEach(input, "topics", SCENARIO_LIMITS.topics, "of topics", problems, (v, at) =>
    readTopic(v, at, world, problems),
  );
  const producers = readEach(
    input,
    "producers",
    SCENARIO_LIMITS.producers,
    "of producers",
    problems,
    (v, at) => readProducer(v, at, world, problems),
  );
  const consumerGroups = readEach(
    input,
    "consumerGroups",
    SCENARIO_LIMITS.consumerGroups,
    "of consumer groups",
    problems,
    (v, at) => readGroup(v, at, world, world.groups, problems),
  );
  const timeline = readTimeline(input, world, problems);

  if (problems.length > 0 || name === undefined || brokers === null) return fail(problems);
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    name,
    description,
    seed,
    brokers,
    topics,
    producers,
    consumerGroups,
    cluster,
    timeline,
  };
  return { ok: true, scenario, spec: toSpec(scenario) };
}

/** Each entry of a top-level list that reads without problems, in list order. */
function readEach<T>(
  doc: Record<string, unknown>,
  key: string,
  max: number,
  what: string,
  problems: Problem[],
  read: (v: unknown, path: string) => T | undefined,
): T[] {
  const items = readList(doc, key, "", max, problems, what);
  const out: T[] = [];
  for (let i = 0; i < items.length && !enough(problems); i++) {
    const item = read(items[i], childPath(key, i));
    if (item !== undefined) out.push(item);
  }
  return out;
}

function fail(problems: Problem[]): ValidationResult {
  const max = SCENARIO_LIMITS.problems;
  if (problems.length <= max) return { ok: false, problems };
  return {
    ok: false,
    problems: [
      ...problems.slice(0, max),
      {
        path: "",
        message: enough(problems)
          ? "… and many more problems (checking stopped here)"
          : `… and ${problems.length - max} more problems`,
      },
    ],
  };
}

/**
 * Checks a scenario document (already parsed from JSON, or any value at all) and returns the
 * normalized scenario with its engine spec, or the problems. Never throws.
 */
export function validateScenario(input: unknown): ValidationResult {
  try {
    return readDocument(input);
  } catch (e) {
    // Only a hostile non-JSON value (a throwing getter, a revoked proxy) can get here.
    const why = e instanceof Error ? e.message : "an unreadable value";
    return fail([{ path: "", message: `this scenario could not be read: ${why}` }]);
  }
}

/** Parses scenario text (a file, a paste) and validates it; JSON syntax errors are problems too. */
export function parseScenario(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : "unreadable";
    return fail([{ path: "", message: `not valid JSON: ${why.slice(0, 300)}` }]);
  }
  return validateScenario(value);
}
