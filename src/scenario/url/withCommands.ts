// The scenario with the user's commands written into its timeline, for a file: opened later,
// it runs what the user did at the same virtual times. Each command takes the timeline form a
// share link uses (commandForm.ts), and the result is checked by the scenario validator.

import { formatProblem } from "../problems.ts";
import { SCENARIO_LIMITS } from "../limits.ts";
import type { Scenario, TimelineEntry } from "../schema.ts";
import { validateScenario } from "../validate.ts";
import { timelineEntryOf } from "./commandForm.ts";
import type { TimedCommand } from "./sharedRun.ts";

export type WithCommandsResult =
  { ok: true; scenario: Scenario; added: number } | { ok: false; message: string };

export function scenarioWithCommands(
  scenario: Scenario,
  commands: readonly TimedCommand[],
): WithCommandsResult {
  const added: TimelineEntry[] = [];
  for (const c of commands) {
    // A command clicked while playing has a fractional time: it ran after everything due up to
    // it, so before anything due at the next whole millisecond, which is where a file's whole
    // milliseconds put it.
    const form = timelineEntryOf(Math.ceil(c.at), c.command, scenario.consumerGroups);
    if (!form.ok)
      return { ok: false, message: `This run cannot be written as a file: ${form.message}.` };
    added.push(form.entry);
  }
  const count = scenario.timeline.length + added.length;
  if (count > SCENARIO_LIMITS.timeline)
    return {
      ok: false,
      message: `This run has ${count} timeline entries with your commands; a scenario file holds at most ${SCENARIO_LIMITS.timeline}.`,
    };
  // By time, and stable: the scenario's own entry stays first at the same moment, as it ran
  // first in the run (it was scheduled when the run began).
  const timeline = [...scenario.timeline, ...added].sort((a, b) => a.at - b.at);
  const checked = validateScenario({ ...scenario, timeline });
  if (!checked.ok)
    return {
      ok: false,
      message: `This run cannot be written as a file: ${checked.problems.map(formatProblem).join("; ")}.`,
    };
  return { ok: true, scenario: checked.scenario, added: added.length };
}
