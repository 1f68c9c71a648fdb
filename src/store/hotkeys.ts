// The live-demo hotkeys of presenter mode, as data: a key and the current state give the
// command to issue (it lands on the timeline like any other) and the line confirming it.

import type { Command, ConsumerSpec, SimState } from "../engine/index.ts";

/** How many records P sends at once. */
export const BURST_RECORDS = 50;

export interface Hotkey {
  keys: string;
  action: string;
}

/** The legend shown in presenter mode (Space and the arrows belong to the time controls). */
export const HOTKEYS: readonly Hotkey[] = [
  { keys: "1–9", action: "kill or restart broker N" },
  { keys: "P", action: `burst of ${BURST_RECORDS} records` },
  { keys: "C", action: "add a consumer" },
  { keys: "X", action: "crash a consumer" },
  { keys: "Space", action: "play/pause" },
  { keys: "← →", action: "step" },
];

/** What a hotkey does now: a command and its confirmation, or why there is nothing to do. */
export type HotkeyAction =
  { command: Command; message: string } | { command: null; message: string };

/** The action for a key (as KeyboardEvent.key gives it), or null if the key is not a hotkey. */
export function hotkeyAction(key: string, state: SimState): HotkeyAction | null {
  if (/^[1-9]$/.test(key)) return brokerToggle(Number(key), state);
  switch (key.toLowerCase()) {
    case "p":
      return burst(state);
    case "c":
      return addConsumer(state);
    case "x":
      return crashNewestConsumer(state);
    default:
      return null;
  }
}

function brokerToggle(id: number, state: SimState): HotkeyAction {
  const broker = state.brokers[String(id)];
  if (!broker) return { command: null, message: `There is no broker ${id}.` };
  if (broker.status === "offline")
    return { command: { type: "restartBroker", broker: id }, message: `Restarted broker ${id}` };
  if (broker.status === "shuttingDown")
    return { command: null, message: `Broker ${id} is shutting down; wait for it to stop.` };
  return { command: { type: "killBroker", broker: id }, message: `Killed broker ${id}` };
}

function burst(state: SimState): HotkeyAction {
  const producer = Object.keys(state.producers)[0];
  if (producer === undefined)
    return { command: null, message: "There is no producer to send from." };
  return {
    command: { type: "produce", producer, key: null, count: BURST_RECORDS },
    message: `${producer} sent a burst of ${BURST_RECORDS} records`,
  };
}

function addConsumer(state: SimState): HotkeyAction {
  const groupId = Object.keys(state.groups)[0];
  if (groupId === undefined) return newGroup(state);
  // The newcomer reads like the group's other members: same topics, same settings.
  const members = Object.values(state.consumers).filter((c) => c.groupId === groupId);
  const model = members[members.length - 1];
  const spec: ConsumerSpec = {
    id: freeConsumerId(state, groupId),
    groupId,
    topics: model ? [...model.topics] : [],
  };
  if (model) {
    // A copied group.instance.id would fence the member it was copied from.
    spec.config = { ...model.config, groupInstanceId: null };
    spec.processingMsPerRecord = model.processingMsPerRecord;
  }
  if (spec.topics.length === 0)
    return {
      command: null,
      message: `Group ${groupId} has no member to copy a subscription from.`,
    };
  return {
    command: { type: "addConsumer", consumer: spec },
    message: `Added consumer ${spec.id} to group ${groupId}`,
  };
}

/** With no group yet, C starts one on the first topic, so the demo can show consumers at all. */
function newGroup(state: SimState): HotkeyAction {
  const topic = Object.values(state.topics).find((t) => !t.internal);
  if (!topic) return { command: null, message: "There is no topic to consume from." };
  const groupId = "demo";
  const id = freeConsumerId(state, groupId);
  return {
    command: { type: "addConsumer", consumer: { id, groupId, topics: [topic.name] } },
    message: `Added consumer ${id} to a new group ${groupId}`,
  };
}

function freeConsumerId(state: SimState, groupId: string): string {
  let n = 1;
  while (state.consumers[`${groupId}-${n}`]) n++;
  return `${groupId}-${n}`;
}

function crashNewestConsumer(state: SimState): HotkeyAction {
  // Consumers are kept in the order they were added.
  const running = Object.values(state.consumers).filter(
    (c) => c.status !== "crashed" && c.status !== "closed",
  );
  const newest = running[running.length - 1];
  if (!newest) return { command: null, message: "There is no running consumer to crash." };
  return {
    command: { type: "crashConsumer", consumer: newest.id },
    message: `Crashed consumer ${newest.id}`,
  };
}
