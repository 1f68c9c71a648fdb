// A step's action: the command it asks for, with {"leaderOf": ...} resolved to the broker
// that led the partition when the step began, and whether the student has issued it since.

import type { Command } from "../engine/index.ts";
import type { StepAction } from "../scenario/index.ts";
import type { StepBaseline } from "./lessonConditions.ts";
import type { TimedCommand } from "./run.ts";

/** The command the step asks for, as the engine takes it. */
export function intendedCommand(action: StepAction, base: StepBaseline): Command {
  const c = action.engineCommand;
  if (action.leaderOf && "broker" in c) {
    const leader = base.leaders[`${action.leaderOf.topic}-${action.leaderOf.partition}`];
    return { ...c, broker: leader ?? -1 };
  }
  return c;
}

/** The fields that say which thing a command acts on; the rest (a count, a value) may differ. */
const IDENTITY = ["broker", "producer", "topic", "groupId"] as const;

function sameTarget(a: Command, b: Command): boolean {
  if (a.type !== b.type) return false;
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of IDENTITY) if (ra[k] !== undefined && ra[k] !== rb[k]) return false;
  // A consumer is named by a string, or by its spec's id when it is added.
  const consumer = (r: Record<string, unknown>): unknown => {
    const c = r["consumer"];
    return typeof c === "object" && c !== null ? (c as { id: string }).id : c;
  };
  if (ra["consumer"] !== undefined && consumer(ra) !== consumer(rb)) return false;
  if (a.type === "setProducer" && b.type === "setProducer")
    for (const k of ["ratePerSec", "acks", "running"] as const)
      if (a[k] !== undefined && a[k] !== b[k]) return false;
  return true;
}

/** Whether one of the user's commands, issued since the step began, is the one asked for. */
export function actionTaken(
  action: StepAction,
  base: StepBaseline,
  commands: readonly TimedCommand[],
): boolean {
  const wanted = intendedCommand(action, base);
  return commands.some((c) => c.at >= base.time && sameTarget(wanted, c.command));
}
