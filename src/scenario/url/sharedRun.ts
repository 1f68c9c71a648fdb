// What a share link (and the autosaved sandbox) holds: the scenario, the commands the user
// issued with their virtual times, the moment on screen and whether it was playing. This file
// turns a run into that plain JSON payload and reads an untrusted payload back, checking the
// scenario and the commands with the scenario validator. docs/url-format.md describes it.

import type { Command, SimulationSpec } from "../../engine/index.ts";
import { SCENARIO_LIMITS } from "../limits.ts";
import { childPath, describeValue, type Problem } from "../problems.ts";
import { get, isRecord, unknownFields } from "../readers.ts";
import type { Scenario, TimelineEntry } from "../schema.ts";
import { validateScenario } from "../validate.ts";
import { timelineEntryOf } from "./commandForm.ts";

/** Bounds on what a link may ask for; a replay costs time in proportion to `time`. */
export const LINK_LIMITS = {
  /** Characters after `#v1.`; Chromium's own limit on a URL is 2 MB. */
  encodedChars: 2_000_000,
  /** Bytes of JSON once unpacked. */
  decodedBytes: 2 * 1024 * 1024,
  /** The moment a link may open at: 24 hours of virtual time. */
  time: 24 * 60 * 60 * 1000,
  minSpeed: 0.01,
  maxSpeed: 100,
} as const;

export interface TimedCommand {
  at: number;
  command: Command;
}

/** A run as a link carries it. */
export interface SharedRun {
  scenario: Scenario;
  /** In the order they were issued (so by time); may go past `time` after a seek back. */
  commands: TimedCommand[];
  /** The moment on screen, virtual ms. */
  time: number;
  playing: boolean;
  speed: number;
  /** Open with minimal chrome, for an iframe. */
  embed: boolean;
}

/** A link's run, checked, with the engine spec it runs. */
export interface OpenedRun extends SharedRun {
  spec: SimulationSpec;
}

/** The payload's JSON shape (docs/url-format.md). */
export interface RunPayload {
  scenario: Scenario;
  commands: TimelineEntry[];
  time: number;
  playing: boolean;
  speed?: number;
  embed?: boolean;
}

export type ProblemKind =
  | "notALink"
  | "newerVersion"
  | "unknownVersion"
  | "tooLarge"
  | "truncated"
  | "damaged"
  | "notJson"
  | "badRun"
  | "badScenario"
  | "badCommands"
  /** Everything read well, but the engine stopped while replaying it. */
  | "replayFailed";

/** A link or a saved run that cannot be opened: what is wrong, for the person holding it. */
export interface RunProblem {
  kind: ProblemKind;
  message: string;
  /** The validator's lines (`path: message`), when there are any. */
  details: Problem[];
}

export type ReadRunResult = { ok: true; run: OpenedRun } | { ok: false; problem: RunProblem };

const PAYLOAD_FIELDS = ["scenario", "commands", "time", "playing", "speed", "embed"];

export function toPayload(
  run: SharedRun,
): { ok: true; payload: RunPayload } | { ok: false; message: string } {
  const commands: TimelineEntry[] = [];
  for (const c of run.commands) {
    const form = timelineEntryOf(c.at, c.command, run.scenario.consumerGroups);
    if (!form.ok) return { ok: false, message: form.message };
    commands.push(form.entry);
  }
  const payload: RunPayload = {
    scenario: run.scenario,
    commands,
    time: run.time,
    playing: run.playing,
  };
  if (run.speed !== 1) payload.speed = run.speed;
  if (run.embed) payload.embed = true;
  return { ok: true, payload };
}

const fail = (kind: ProblemKind, message: string, details: Problem[] = []): ReadRunResult => ({
  ok: false,
  problem: { kind, message, details },
});

/** Reads an untrusted payload (parsed JSON). Never throws; every problem has a path. */
export function readPayload(value: unknown, source = "this run"): ReadRunResult {
  if (!isRecord(value))
    return fail("badRun", `The run in ${source} is not readable.`, [
      {
        path: "",
        message: `must be an object {"scenario", "commands", "time", "playing"}, not ${describeValue(value)}`,
      },
    ]);
  const problems: Problem[] = [];
  unknownFields(value, "", PAYLOAD_FIELDS, problems);
  const time = get(value, "time");
  // Fractions are fine: the clock advances by wall time times the speed.
  if (typeof time !== "number" || !Number.isFinite(time) || time < 0 || time > LINK_LIMITS.time)
    problems.push({
      path: "time",
      message: `must be the moment on screen in virtual milliseconds, from 0 to ${LINK_LIMITS.time}, not ${describeValue(time)}`,
    });
  const playing = get(value, "playing") ?? false;
  if (typeof playing !== "boolean")
    problems.push({
      path: "playing",
      message: `must be true or false, not ${describeValue(playing)}`,
    });
  const speed = get(value, "speed") ?? 1;
  if (
    typeof speed !== "number" ||
    !Number.isFinite(speed) ||
    speed < LINK_LIMITS.minSpeed ||
    speed > LINK_LIMITS.maxSpeed
  )
    problems.push({
      path: "speed",
      message: `must be virtual ms per wall ms, from ${LINK_LIMITS.minSpeed} to ${LINK_LIMITS.maxSpeed}, not ${describeValue(speed)}`,
    });
  const embed = get(value, "embed") ?? false;
  if (typeof embed !== "boolean")
    problems.push({ path: "embed", message: `must be true or false, not ${describeValue(embed)}` });
  const rawCommands = get(value, "commands") ?? [];
  if (!Array.isArray(rawCommands))
    problems.push({
      path: "commands",
      message: `must be a list of commands ({"at": 12000, "do": "killBroker", "broker": 2}), not ${describeValue(rawCommands)}`,
    });
  if (!("scenario" in value) || get(value, "scenario") === undefined)
    problems.push({
      path: "scenario",
      message: "missing: the scenario document the run starts from",
    });
  if (problems.length > 0) return fail("badRun", `The run in ${source} is not readable.`, problems);

  const checked = validateScenario(get(value, "scenario"));
  if (!checked.ok)
    return fail("badScenario", `The scenario in ${source} has problems.`, checked.problems);
  const commands = rawCommands as unknown[];
  return readCommands(checked.scenario, commands, source, {
    time: time as number,
    playing: playing as boolean,
    speed: speed as number,
    embed: embed as boolean,
  });
}

/**
 * The user's commands are checked as the tail of the scenario's timeline, by the validator: the
 * same references, in the same time order (a user's command at t runs after the timeline's
 * commands at t, as in the run).
 */
function readCommands(
  scenario: Scenario,
  commands: unknown[],
  source: string,
  rest: Omit<SharedRun, "scenario" | "commands">,
): ReadRunResult {
  const own = scenario.timeline.length;
  const room = SCENARIO_LIMITS.timeline - own;
  if (commands.length > room)
    return fail("badCommands", `The commands in ${source} do not fit its scenario.`, [
      {
        path: "commands",
        message: `${commands.length} commands, more than the ${room} this scenario has room for`,
      },
    ]);
  const order: Problem[] = [];
  let last = 0;
  commands.forEach((c, i) => {
    const at = isRecord(c) ? get(c, "at") : undefined;
    if (typeof at !== "number") return;
    if (at < last)
      order.push({
        path: childPath(childPath("commands", i), "at"),
        message: `${at} is earlier than the command before it (${last}): commands are listed in the order they were issued`,
      });
    last = Math.max(last, at);
  });
  // A user's command happens at a fractional virtual time (wall time times the speed), where a
  // timeline takes whole milliseconds: the validator sees the time rounded down, which keeps
  // its order against the scenario's own (whole) times, and the run keeps the exact time.
  const exact: number[] = [];
  const whole = commands.map((c, i) => {
    const at = isRecord(c) ? get(c, "at") : undefined;
    if (typeof at !== "number" || !Number.isFinite(at) || at < 0) return c;
    exact[i] = at;
    return { ...(c as Record<string, unknown>), at: Math.floor(at) };
  });
  const merged = validateScenario({ ...scenario, timeline: [...scenario.timeline, ...whole] });
  if (!merged.ok || order.length > 0) {
    const problems = merged.ok ? [] : merged.problems.map((p) => renamePath(p, own));
    return fail("badCommands", `The commands in ${source} do not fit its scenario.`, [
      ...order,
      ...problems,
    ]);
  }
  const timed = merged.spec.timeline
    .slice(own)
    .map((t, i) => ({ at: exact[i] ?? t.at, command: t.command }));
  return {
    ok: true,
    run: { scenario, spec: scenarioSpecOf(scenario, merged.spec), commands: timed, ...rest },
  };
}

/** The scenario's own spec: the merged one with the user's commands taken off its timeline. */
function scenarioSpecOf(scenario: Scenario, merged: SimulationSpec): SimulationSpec {
  return { ...merged, timeline: merged.timeline.slice(0, scenario.timeline.length) };
}

/** `timeline[k]...` of the merged document is `commands[k - own]...` of the payload. */
function renamePath(p: Problem, own: number): Problem {
  const m = /^timeline\[(\d+)\](.*)$/.exec(p.path);
  if (!m) return p.path === "timeline" ? { ...p, path: "commands" } : p;
  const k = Number(m[1]);
  return k >= own ? { ...p, path: `commands[${k - own}]${m[2]}` } : p;
}
