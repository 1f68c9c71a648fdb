// Reading a condition of a services lesson: the clock (`time`, `elapsed`) or one of the figures
// of a side of the comparison. Exactly one known kind, a side the running situation has, a
// range; problems say which field and why, with a guess for a misspelt kind.

import type { FailReason } from "../../engine/index.ts";
import { childPath, describeValue, didYouMean, listOf, quote, type Problem } from "../problems.ts";
import { get, isRecord, unknownFields } from "../readers.ts";
import type { Condition, ServicesSideRef } from "./schema.ts";
import { servicesSideIndex, SIDE_REFS, type ServicesWorld } from "./servicesWorld.ts";
import { CONDITION_KINDS, readConditionList, readRange } from "./validateCondition.ts";

/** The figure each kind reads, for the "unknown kind" message and the docs. */
export const SERVICES_CONDITION_KINDS = [
  "time",
  "elapsed",
  "servicesDelivered",
  "servicesFailed",
  "servicesQueueDepth",
  "servicesDeadLettered",
  "servicesDuplicates",
  "servicesSenderBusy",
] as const;

const FAIL_REASONS: FailReason[] = [
  "receiver down",
  "too many connections",
  "receiver busy",
  "timed out",
  "sender overloaded",
  "invalid message",
  "queue full",
  "broker down",
  "overwhelmed by push",
];

const PERCENT = { min: 0, max: 100, what: "a percentage" };

function readSide(
  body: Record<string, unknown>,
  path: string,
  world: ServicesWorld,
  problems: Problem[],
  fallback: ServicesSideRef | null,
): ServicesSideRef | undefined {
  const v = get(body, "side") ?? fallback ?? undefined;
  const at = childPath(path, "side");
  if (v === undefined) {
    problems.push({ path: at, message: `missing: which side (${listOf(SIDE_REFS)})` });
    return undefined;
  }
  if (typeof v !== "string" || !(SIDE_REFS as string[]).includes(v)) {
    const guess = typeof v === "string" ? didYouMean(v, SIDE_REFS) : "";
    problems.push({
      path: at,
      message: `must be one of ${listOf(SIDE_REFS)}, not ${describeValue(v)}${guess}`,
    });
    return undefined;
  }
  const side = servicesSideIndex(world.preset, v as ServicesSideRef);
  if (!side.ok) {
    problems.push({ path: at, message: side.message });
    return undefined;
  }
  return v as ServicesSideRef;
}

/** One condition of a services lesson; undefined (and problems) when it does not read. */
export function readServicesCondition(
  v: unknown,
  path: string,
  world: ServicesWorld,
  problems: Problem[],
): Condition | undefined {
  const kinds: readonly string[] = SERVICES_CONDITION_KINDS;
  if (!isRecord(v) || Object.keys(v).length !== 1) {
    problems.push({
      path,
      message: `a condition is an object with one key, its kind (${listOf(kinds)}), like {"servicesFailed": {"side": "direct", "atLeast": 100}}; not ${describeValue(v)}${isRecord(v) ? ` with ${Object.keys(v).length} keys` : ""}`,
    });
    return undefined;
  }
  const kind = Object.keys(v)[0]!;
  const at = childPath(path, kind);
  if (!kinds.includes(kind)) {
    const kafka = (CONDITION_KINDS as readonly string[]).includes(kind);
    problems.push({
      path: at,
      message: kafka
        ? `${kind} is a condition on the Kafka simulator; this lesson runs on the services simulation, whose kinds are ${listOf(kinds)}`
        : `unknown condition${didYouMean(kind, kinds)}; the kinds are ${listOf(kinds)}`,
    });
    return undefined;
  }
  const body = v[kind];
  if (!isRecord(body)) {
    problems.push({ path: at, message: `must be an object, not ${describeValue(body)}` });
    return undefined;
  }
  const before = problems.length;
  if (kind === "time" || kind === "elapsed") {
    unknownFields(body, at, ["atLeast", "atMost"], problems);
    const range = readRange(body, at, problems, true);
    if (problems.length > before || !range) return undefined;
    return { [kind]: range } as Condition;
  }
  const fields = ["side", "atLeast", "atMost", ...(kind === "servicesFailed" ? ["reason"] : [])];
  unknownFields(body, at, fields, problems);
  const side = readSide(body, at, world, problems, kind === "servicesQueueDepth" ? "broker" : null);
  const range = readRange(
    body,
    at,
    problems,
    true,
    kind === "servicesSenderBusy" ? PERCENT : undefined,
  );
  const out: Record<string, unknown> = { side, ...range };
  if (kind === "servicesFailed" && get(body, "reason") !== undefined) {
    const reason = get(body, "reason");
    if (typeof reason !== "string" || !(FAIL_REASONS as string[]).includes(reason))
      problems.push({
        path: childPath(at, "reason"),
        message: `must be one of ${listOf(FAIL_REASONS)}, not ${typeof reason === "string" ? quote(reason) : describeValue(reason)}${typeof reason === "string" ? didYouMean(reason, FAIL_REASONS) : ""}`,
      });
    else out.reason = reason;
  }
  if (problems.length > before || !side || !range) return undefined;
  return { [kind]: out } as unknown as Condition;
}

/** A list of conditions (all must hold). */
export function readServicesConditions(
  v: unknown,
  path: string,
  world: ServicesWorld,
  problems: Problem[],
): Condition[] {
  return readConditionList(v, path, problems, (c, at) =>
    readServicesCondition(c, at, world, problems),
  );
}
