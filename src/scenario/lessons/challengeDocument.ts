// A challenge's scenario as the student configured it: the parameter values written into the
// scenario document, plus one fault plan's commands in its timeline, then validated like any
// scenario, so an impossible choice (min.insync.replicas above the replication factor) gets
// the validator's own message.

import { isRecord } from "../readers.ts";
import type { TimelineEntry } from "../schema.ts";
import { validateScenario, type ValidationResult } from "../validate.ts";
import type { Challenge, ChallengeParameter } from "./schema.ts";

export type ParameterValues = Record<string, number | string | boolean>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function listOf(doc: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const v = doc[key];
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function setParameter(
  doc: Record<string, unknown>,
  p: ChallengeParameter,
  value: number | string | boolean,
): void {
  const t = p.target;
  const topic = (name: string) => listOf(doc, "topics").find((x) => x["name"] === name);
  if ("topicPartitions" in t) {
    const x = topic(t.topicPartitions);
    if (x) {
      x["partitions"] = value;
      // An explicit assignment is for the document's own partition count.
      delete x["replicaAssignment"];
    }
  } else if ("replicationFactor" in t) {
    const x = topic(t.replicationFactor);
    if (x) {
      x["replicationFactor"] = value;
      delete x["replicaAssignment"];
    }
  } else if ("topicConfig" in t) {
    const x = topic(t.topicConfig.topic);
    if (x)
      x["config"] = { ...(isRecord(x["config"]) ? x["config"] : {}), [t.topicConfig.name]: value };
  } else if ("producerAcks" in t) {
    const x = listOf(doc, "producers").find((y) => y["id"] === t.producerAcks);
    if (x) x["acks"] = value;
  } else {
    const x = listOf(doc, "consumerGroups").find((y) => y["groupId"] === t.groupMembers);
    if (x) x["members"] = value;
  }
}

/** The challenge's document with these values and this fault plan's commands, validated. */
export function challengeScenario(
  challenge: Pick<Challenge, "document" | "parameters">,
  values: ParameterValues,
  faults: readonly TimelineEntry[] = [],
): ValidationResult {
  const doc = clone(challenge.document);
  for (const p of challenge.parameters) {
    const value = Object.prototype.hasOwnProperty.call(values, p.id) ? values[p.id]! : p.initial;
    setParameter(doc, p, value);
  }
  const timeline = Array.isArray(doc["timeline"]) ? (doc["timeline"] as unknown[]) : [];
  doc["timeline"] = [...timeline, ...clone(faults)];
  return validateScenario(doc);
}

/** The resource cost of an answer: the sum of value x costPerUnit over numeric parameters. */
export function challengeCost(
  challenge: Pick<Challenge, "parameters">,
  values: ParameterValues,
): number {
  let cost = 0;
  for (const p of challenge.parameters) {
    const v = Object.prototype.hasOwnProperty.call(values, p.id) ? values[p.id] : p.initial;
    if (p.costPerUnit !== undefined && typeof v === "number") cost += v * p.costPerUnit;
  }
  return cost;
}
