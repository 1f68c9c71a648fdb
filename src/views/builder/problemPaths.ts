// Which of the validator's problems belong where in the form: beside a field, or on a whole
// timeline row when no field of that row is about it.

import type { Problem } from "../../store/index.ts";
import { entryFields, type Action } from "./timelineForm.ts";

/** Problems about the field at `path` or anything inside it. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}

/**
 * The problems of timeline event `index` that none of its row's fields shows: those about the
 * event as a whole, and those about an entry field the row does not edit.
 */
export function eventProblems(
  problems: readonly Problem[],
  index: number,
  action: Action,
): Problem[] {
  const path = `timeline[${index}]`;
  const shown = new Set(entryFields(action).flatMap((f) => problemsAt(problems, `${path}.${f}`)));
  return problemsAt(problems, path).filter((p) => !shown.has(p));
}
