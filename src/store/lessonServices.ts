// A services lesson's conditions and actions, read from the comparison's store: the figures of
// one side, the clock, and what the student did since the step began.

import { waitingNow, type ServicesState } from "../engine/index.ts";
import {
  servicesSideIndex,
  type Condition,
  type Range,
  type ServicesStepAction,
} from "../scenario/index.ts";
import type { StepBaseline } from "./lessonConditions.ts";
import type { ServicesStore, ServicesUserAction } from "./servicesStore.ts";

/** What a services step remembers of the moment it began: the clock and the actions so far. */
export type ServicesBaseline = Pick<StepBaseline, "time" | "log">;

export const servicesBaselineOf = (s: ServicesStore): StepBaseline => ({
  time: s.run.sides[0].state.time,
  leaders: {},
  controller: -1,
  log: s.log.length,
});

function sideState(s: ServicesStore, body: { side: Parameters<typeof servicesSideIndex>[1] }) {
  const side = servicesSideIndex(s.run.preset, body.side);
  return side.ok ? s.run.sides[side.index].state : null;
}

/** Whether the student switched situation since the step began (the clock restarted at 0). */
const switched = (s: ServicesStore, base: ServicesBaseline): boolean =>
  s.log.slice(base.log ?? 0).some((a) => a.type === "choosePreset");

/** The number a services condition reads (0 when the running situation lacks that side). */
export function measureServices(c: Condition, s: ServicesStore, base: ServicesBaseline): number {
  const time = s.run.sides[0].state.time;
  if ("time" in c) return time;
  if ("elapsed" in c) return time - (switched(s, base) ? 0 : base.time);
  const read = (
    body: Parameters<typeof sideState>[1],
    f: (st: ServicesState) => number,
  ): number => {
    const st = sideState(s, body);
    return st ? f(st) : 0;
  };
  if ("servicesDelivered" in c) return read(c.servicesDelivered, (st) => st.metrics.delivered);
  if ("servicesFailed" in c) {
    const reason = c.servicesFailed.reason;
    return read(c.servicesFailed, (st) =>
      reason === undefined ? st.metrics.failed : (st.metrics.failedBy[reason] ?? 0),
    );
  }
  if ("servicesQueueDepth" in c) return read(c.servicesQueueDepth, waitingNow);
  if ("servicesDeadLettered" in c)
    return read(c.servicesDeadLettered, (st) => st.metrics.deadLettered);
  if ("servicesDuplicates" in c) return read(c.servicesDuplicates, (st) => st.metrics.duplicates);
  if ("servicesSenderBusy" in c)
    return read(c.servicesSenderBusy, (st) =>
      Math.round(100 * (st.samples[st.samples.length - 1]?.senderBusy ?? 0)),
    );
  return 0;
}

const inRange = (n: number, r: Range): boolean =>
  (r.atLeast === undefined || n >= r.atLeast) && (r.atMost === undefined || n <= r.atMost);

export function holdsServices(c: Condition, s: ServicesStore, base: ServicesBaseline): boolean {
  return inRange(measureServices(c, s, base), Object.values(c)[0] as Range);
}

function sameAction(wanted: ServicesUserAction, done: ServicesUserAction): boolean {
  if (wanted.type !== done.type) return false;
  const a = wanted as unknown as Record<string, unknown>;
  const b = done as unknown as Record<string, unknown>;
  // The target (receiver, service, situation) and a new rate must match; a slowness may differ.
  for (const k of ["receiver", "service", "preset", "perSecond"])
    if (a[k] !== undefined && a[k] !== b[k]) return false;
  return true;
}

/** Whether the student did what the step asks since it began (by its button or the page's). */
export function servicesActionTaken(
  action: ServicesStepAction,
  s: ServicesStore,
  base: ServicesBaseline,
): boolean {
  return s.log.slice(base.log ?? 0).some((done) => sameAction(action.services, done));
}

/** Does what the step asks. */
export function takeServicesAction(action: ServicesStepAction, s: ServicesStore): void {
  const a = action.services;
  if (a.type === "choosePreset") s.choose(a.preset);
  else s.issue(a);
}
