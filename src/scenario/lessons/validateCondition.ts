// Reading one condition of a step or a challenge: exactly one known kind, its fields, and
// references that exist in the lesson's scenario. Problems say which field and why.

import { childPath, describeValue, didYouMean, listOf, quote, type Problem } from "../problems.ts";
import { get, isRecord, readInt, readString, unknownFields } from "../readers.ts";
import type { GroupStateName } from "../../engine/index.ts";
import type { Condition, PartitionRef, Range } from "./schema.ts";
import type { LessonWorld } from "./lessonWorld.ts";

type Shape = "range" | "partition" | "partitionRange" | "topicRange" | "groupRange" | "none";

/** Each kind, the shape of its fields, and optional extra fields. */
const KINDS = {
  time: { shape: "range", extra: [] },
  elapsed: { shape: "range", extra: [] },
  leaderChanged: { shape: "partition", extra: [] },
  partitionOffline: { shape: "partition", extra: [] },
  partitionOnline: { shape: "partition", extra: [] },
  brokersDown: { shape: "range", extra: [] },
  isrSize: { shape: "partitionRange", extra: [] },
  acknowledged: { shape: "range", extra: ["producer"] },
  producerFailed: { shape: "range", extra: ["producer", "error"] },
  auditLost: { shape: "range", extra: [] },
  auditDuplicates: { shape: "range", extra: [] },
  auditOrderViolations: { shape: "range", extra: [] },
  logEndOffset: { shape: "topicRange", extra: ["partition"] },
  logStartOffset: { shape: "partitionRange", extra: [] },
  groupMembers: { shape: "groupRange", extra: [] },
  groupState: { shape: "groupRange", extra: ["state"] },
  groupLag: { shape: "groupRange", extra: [] },
  consumed: { shape: "groupRange", extra: [] },
  redelivered: { shape: "groupRange", extra: [] },
  controllerChanged: { shape: "none", extra: [] },
  noController: { shape: "none", extra: [] },
} as const satisfies Record<string, { shape: Shape; extra: readonly string[] }>;

export const CONDITION_KINDS = Object.keys(KINDS) as (keyof typeof KINDS)[];

const GROUP_STATES: GroupStateName[] = [
  "Empty",
  "PreparingRebalance",
  "CompletingRebalance",
  "Stable",
  "Dead",
];

const NUMBER = { min: 0, max: Number.MAX_SAFE_INTEGER, what: "a number" };

/**
 * `atLeast` and/or `atMost`, each within `rule`. A condition that must bound something
 * (`required`) says so when both are missing; one that need not reads as no bound at all.
 */
export function readRange(
  o: Record<string, unknown>,
  path: string,
  problems: Problem[],
  required: boolean,
  rule: { min: number; max: number; what: string } = NUMBER,
): Range | undefined {
  const atLeast = readInt(o, "atLeast", path, rule, problems, false);
  const atMost = readInt(o, "atMost", path, rule, problems, false);
  if (atLeast === undefined && atMost === undefined) {
    if (required && get(o, "atLeast") === undefined && get(o, "atMost") === undefined)
      problems.push({ path, message: 'needs "atLeast", "atMost" or both' });
    return required ? undefined : {};
  }
  if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
    problems.push({ path, message: `atLeast (${atLeast}) is larger than atMost (${atMost})` });
    return undefined;
  }
  const r: Range = {};
  if (atLeast !== undefined) r.atLeast = atLeast;
  if (atMost !== undefined) r.atMost = atMost;
  return r;
}

export function readTopicRef(
  o: Record<string, unknown>,
  path: string,
  world: LessonWorld,
  problems: Problem[],
): string | undefined {
  const topic = readString(o, "topic", path, 249, problems, "a topic name");
  if (topic === undefined) return undefined;
  if (!Object.prototype.hasOwnProperty.call(world.topics, topic)) {
    const names = Object.keys(world.topics);
    problems.push({
      path: childPath(path, "topic"),
      message: `no topic named ${quote(topic)} in the lesson's scenario${didYouMean(topic, names)}`,
    });
    return undefined;
  }
  return topic;
}

export function readPartitionRef(
  o: Record<string, unknown>,
  path: string,
  world: LessonWorld,
  problems: Problem[],
  required = true,
): PartitionRef | undefined {
  const topic = readTopicRef(o, path, world, problems);
  const count = topic === undefined ? 10000 : world.topics[topic]!;
  const partition = readInt(
    o,
    "partition",
    path,
    { min: 0, max: count - 1, what: "a partition number" },
    problems,
    required,
  );
  if (topic === undefined || partition === undefined) return undefined;
  return { topic, partition };
}

export function readNamed(
  o: Record<string, unknown>,
  key: string,
  path: string,
  known: readonly string[],
  what: string,
  problems: Problem[],
  required = true,
): string | undefined {
  const v = readString(o, key, path, 249, problems, required ? `the ${what}` : null);
  if (v === undefined) return undefined;
  if (!known.includes(v)) {
    problems.push({
      path: childPath(path, key),
      message: `no ${what} ${quote(v)} in the lesson's scenario (there ${known.length === 1 ? "is" : "are"} ${known.length === 0 ? "none" : listOf(known)})`,
    });
    return undefined;
  }
  return v;
}

/** One condition; undefined (and problems) when it does not read. */
export function readCondition(
  v: unknown,
  path: string,
  world: LessonWorld,
  problems: Problem[],
): Condition | undefined {
  if (!isRecord(v) || Object.keys(v).length !== 1) {
    problems.push({
      path,
      message: `a condition is an object with one key, its kind (${listOf(CONDITION_KINDS, 30)}), like {"auditLost": {"atLeast": 1}}; not ${describeValue(v)}${isRecord(v) ? ` with ${Object.keys(v).length} keys` : ""}`,
    });
    return undefined;
  }
  const kind = Object.keys(v)[0]!;
  if (!Object.prototype.hasOwnProperty.call(KINDS, kind)) {
    problems.push({
      path: childPath(path, kind),
      message: kind.startsWith("services")
        ? `${kind} is a condition on the services simulation; this lesson runs on the Kafka simulator (give it "simulation": "services" to run on the other)`
        : `unknown condition${didYouMean(kind, CONDITION_KINDS)}; the kinds are ${listOf(CONDITION_KINDS, 30)}`,
    });
    return undefined;
  }
  const k = kind as keyof typeof KINDS;
  const at = childPath(path, k);
  const body = v[k];
  if (!isRecord(body)) {
    problems.push({ path: at, message: `must be an object, not ${describeValue(body)}` });
    return undefined;
  }
  const { shape, extra } = KINDS[k];
  const before = problems.length;
  const fields: string[] = [...extra];
  let out: Record<string, unknown> = {};
  if (shape === "none") {
    // No fields: {"noController": {}}.
  } else if (shape === "range") {
    fields.push("atLeast", "atMost");
    out = { ...readRange(body, at, problems, true) };
  } else if (shape === "partition") {
    fields.push("topic", "partition");
    out = { ...readPartitionRef(body, at, world, problems) };
  } else if (shape === "partitionRange") {
    fields.push("topic", "partition", "atLeast", "atMost");
    out = {
      ...readPartitionRef(body, at, world, problems),
      ...readRange(body, at, problems, true),
    };
  } else if (shape === "topicRange") {
    fields.push("topic", "atLeast", "atMost");
    out = {
      topic: readTopicRef(body, at, world, problems),
      ...readRange(body, at, problems, true),
    };
  } else {
    fields.push("groupId", "atLeast", "atMost");
    const groupId = readNamed(body, "groupId", at, world.groups, "consumer group", problems);
    out = { groupId, ...readRange(body, at, problems, k !== "groupState") };
  }
  unknownFields(body, at, fields, problems);
  // The kind's own extra fields.
  if (k === "acknowledged" || k === "producerFailed") {
    const producer = readNamed(
      body,
      "producer",
      at,
      world.producers,
      "producer",
      problems,
      k === "producerFailed",
    );
    if (producer !== undefined) out.producer = producer;
    if (k === "producerFailed") {
      const error = readString(body, "error", at, 100, problems, null);
      if (error !== undefined) out.error = error;
    }
  } else if (k === "logEndOffset") {
    const topic = out.topic as string | undefined;
    const count = topic === undefined ? 10000 : world.topics[topic]!;
    const partition = readInt(
      body,
      "partition",
      at,
      { min: 0, max: count - 1, what: "a partition number" },
      problems,
      false,
    );
    if (partition !== undefined) out.partition = partition;
  } else if (k === "groupState") {
    const state = get(body, "state");
    if (typeof state !== "string" || !(GROUP_STATES as string[]).includes(state))
      problems.push({
        path: childPath(at, "state"),
        message: `must be one of ${listOf(GROUP_STATES)}, not ${describeValue(state)}`,
      });
    else out = { groupId: out.groupId, state };
  }
  if (problems.length > before) return undefined;
  return { [k]: out } as unknown as Condition;
}

/** A list of conditions (all must hold). */
export function readConditions(
  v: unknown,
  path: string,
  world: LessonWorld,
  problems: Problem[],
): Condition[] {
  return readConditionList(v, path, problems, (c, at) => readCondition(c, at, world, problems));
}

/** A list of at most 20 conditions, each read by `readOne` (which reports its own problems). */
export function readConditionList(
  v: unknown,
  path: string,
  problems: Problem[],
  readOne: (c: unknown, path: string) => Condition | undefined,
): Condition[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push({ path, message: `must be a list of conditions, not ${describeValue(v)}` });
    return [];
  }
  if (v.length > 20) {
    problems.push({ path, message: `has ${v.length} conditions; at most 20` });
    return [];
  }
  const out: Condition[] = [];
  v.forEach((c, i) => {
    const read = readOne(c, childPath(path, i));
    if (read) out.push(read);
  });
  return out;
}
