// What exists at each point of the document, for the cross-references: the brokers, topics and
// producers defined so far. The lists add to it first, then the timeline in the order the
// engine runs it, so a reference to something that only appears later is a problem.

import type { GroupWorld } from "./validateGroups.ts";
import { describeValue, didYouMean, listOf, quote, type Problem } from "./problems.ts";

export interface KnownTopic {
  partitions: number | undefined;
  replicationFactor: number | undefined;
  minInsyncReplicas: number;
  definedAt: string;
}

export interface World {
  /** null when `brokers` itself was wrong: checks that need the brokers are skipped. */
  brokers: number[] | null;
  racks: boolean;
  topics: Map<string, KnownTopic>;
  producers: Map<string, { topic: string; definedAt: string }>;
  /** The list itself was unreadable: references to its members are not checked. */
  topicsUnknown: boolean;
  producersUnknown: boolean;
  partitionsInAll: number;
  /** Consumer groups and their consumers defined so far. */
  groups: GroupWorld;
}

export function brokerListText(world: World): string {
  return world.brokers ? ` (the brokers are ${listOf(world.brokers)})` : "";
}

export function checkBrokerRef(
  v: unknown,
  path: string,
  world: World,
  problems: Problem[],
): number | undefined {
  if (v === undefined) {
    problems.push({ path, message: "missing: the id of a broker" });
    return undefined;
  }
  if (typeof v !== "number" || !Number.isInteger(v)) {
    problems.push({
      path,
      message: `must be a broker id (a whole number), not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (world.brokers && !world.brokers.includes(v)) {
    problems.push({ path, message: `there is no broker ${v}${brokerListText(world)}` });
    return undefined;
  }
  return v;
}

/** How a reference by name to one kind of thing is described in its problems. */
interface NameRef {
  missing: string;
  wrongType: string;
  notFound: (name: string) => string;
}

const TOPIC_REF: NameRef = {
  missing: "the name of a topic",
  wrongType: "a topic name",
  notFound: (name) => `no topic named ${quote(name)}`,
};

const PRODUCER_REF: NameRef = {
  missing: "the id of a producer",
  wrongType: "a producer id",
  notFound: (name) => `no producer with id ${quote(name)}`,
};

function checkNameRef(
  v: unknown,
  path: string,
  ref: NameRef,
  known: ReadonlyMap<string, unknown>,
  knownIsIncomplete: boolean,
  problems: Problem[],
): string | undefined {
  if (typeof v !== "string") {
    problems.push({
      path,
      message:
        v === undefined
          ? `missing: ${ref.missing}`
          : `must be ${ref.wrongType}, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (!known.has(v) && !knownIsIncomplete) {
    problems.push({ path, message: `${ref.notFound(v)}${didYouMean(v, [...known.keys()])}` });
    return undefined;
  }
  return v;
}

export const checkTopicRef = (
  v: unknown,
  path: string,
  world: World,
  problems: Problem[],
): string | undefined =>
  checkNameRef(v, path, TOPIC_REF, world.topics, world.topicsUnknown, problems);

export const checkProducerRef = (
  v: unknown,
  path: string,
  world: World,
  problems: Problem[],
): string | undefined =>
  checkNameRef(v, path, PRODUCER_REF, world.producers, world.producersUnknown, problems);
