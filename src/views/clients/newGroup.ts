// The "Add a consumer group" form's rules, as plain data in and out: what is wrong with the
// input, in words, or the addConsumer commands that start the group (one per member).

import type { AssignorName, Command, SimState } from "../../store/index.ts";

export const MAX_MEMBERS = 12;
const MAX_ID_LENGTH = 100;

export interface NewGroupInput {
  groupId: string;
  topics: readonly string[];
  members: number;
  /** partition.assignment.strategy, comma separated ("range,cooperative-sticky"). */
  assignor: string;
}

export type NewGroupErrors = Partial<Record<"groupId" | "topics" | "members" | "assignor", string>>;

export type NewGroupResult =
  | { ok: true; commands: Extract<Command, { type: "addConsumer" }>[] }
  | { ok: false; errors: NewGroupErrors };

const ASSIGNORS: readonly AssignorName[] = ["range", "roundrobin", "sticky", "cooperative-sticky"];

/** `<group>-1`, `<group>-2`, ...: the way the scenario format names a group's members. */
export const memberIdsOf = (groupId: string, members: number): string[] =>
  Array.from({ length: members }, (_, i) => `${groupId}-${i + 1}`);

function groupIdProblem(s: SimState, id: string): string | null {
  if (id === "") return "Give the group an id, for example billing.";
  if (id.length > MAX_ID_LENGTH) return `A group id has at most ${MAX_ID_LENGTH} characters.`;
  if (!/^[A-Za-z0-9._-]+$/.test(id))
    return "Use letters, digits, dots, dashes and underscores only (no spaces).";
  // A name of Object.prototype would read as an entry of every name-keyed map.
  if (id in Object.prototype) return `"${id}" is a name the simulator keeps for itself.`;
  if (Object.hasOwn(s.groups, id)) return `A group named ${id} already exists: choose another id.`;
  return null;
}

/**
 * Checks the form and builds its commands. `reserved` holds the consumer ids the scenario's
 * timeline or earlier commands add at some time, so that a member id is never used twice.
 */
export function newGroupCommands(
  s: SimState,
  input: NewGroupInput,
  reserved: ReadonlySet<string> = new Set(),
): NewGroupResult {
  const errors: NewGroupErrors = {};
  const groupId = input.groupId.trim();
  const idProblem = groupIdProblem(s, groupId);
  if (idProblem) errors.groupId = idProblem;
  const topics = [...new Set(input.topics)].sort();
  if (topics.length === 0) errors.topics = "Choose at least one topic to subscribe to.";
  else {
    const missing = topics.find((t) => !Object.hasOwn(s.topics, t));
    if (missing !== undefined) errors.topics = `There is no topic ${missing}.`;
  }
  if (!Number.isInteger(input.members) || input.members < 1 || input.members > MAX_MEMBERS)
    errors.members = `Choose a whole number of members from 1 to ${MAX_MEMBERS}.`;
  const strategy = input.assignor.split(",") as AssignorName[];
  if (strategy.some((a) => !ASSIGNORS.includes(a)) || new Set(strategy).size !== strategy.length)
    errors.assignor = `Choose an assignor: ${ASSIGNORS.join(", ")}.`;
  if (!errors.groupId && !errors.members) {
    const taken = memberIdsOf(groupId, input.members).find(
      (id) => Object.hasOwn(s.consumers, id) || reserved.has(id),
    );
    if (taken !== undefined)
      errors.groupId = `A consumer named ${taken} already exists: choose another group id.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    commands: memberIdsOf(groupId, input.members).map((id) => ({
      type: "addConsumer",
      consumer: {
        id,
        groupId,
        topics,
        config: { partitionAssignmentStrategy: strategy },
        // Spelled out, as a scenario's group does, so a share link replays it exactly.
        processingMsPerRecord: 1,
      },
    })),
  };
}
