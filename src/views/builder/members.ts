// The consumers the builder's form makes: each group's first members (`<groupId>-1`, ...) and
// the ones "Add a group member" events add. Consumer events name them; these functions say
// which exist when an event runs, and keep events on the same member when its name changes.

import type { BuilderForm } from "./builderForm.ts";
import { runOrder } from "./timelineForm.ts";

/**
 * The name each addConsumer event gives its member when no id is typed: the group's next,
 * after its first members and the ones added before it (undefined: not an addConsumer event).
 */
export function nextMemberIds(f: BuilderForm): (string | undefined)[] {
  const ids: (string | undefined)[] = f.timeline.map(() => undefined);
  const counts = new Map<string, number>();
  for (const g of f.groups)
    counts.set(
      g.groupId,
      (counts.get(g.groupId) ?? 0) + (Number.isInteger(g.members) ? g.members : 0),
    );
  for (const i of runOrder(f.timeline)) {
    const e = f.timeline[i]!;
    if (e.action !== "addConsumer") continue;
    const n = (counts.get(e.group) ?? 0) + 1;
    counts.set(e.group, n);
    ids[i] = `${e.group}-${n}`;
  }
  return ids;
}

/** The id of the member each addConsumer event adds: the typed one, else the group's next. */
export function addedMemberIds(f: BuilderForm): (string | undefined)[] {
  const next = nextMemberIds(f);
  return f.timeline.map((e, i) =>
    e.action !== "addConsumer" ? undefined : e.memberId.trim() || next[i],
  );
}

/** The groups' first members, as the scenario names them. */
function declaredMembers(f: BuilderForm): string[][] {
  return f.groups.map((g) =>
    Array.from(
      { length: Number.isInteger(g.members) ? Math.max(0, Math.min(200, g.members)) : 0 },
      (_, n) => `${g.groupId}-${n + 1}`,
    ),
  );
}

/** The consumers that exist when each event runs: the first members and those added before it. */
export function consumersAt(f: BuilderForm): string[][] {
  const added = addedMemberIds(f);
  const out: string[][] = f.timeline.map(() => []);
  const now = declaredMembers(f).flat();
  for (const i of runOrder(f.timeline)) {
    out[i] = [...new Set(now)];
    const id = added[i];
    if (id !== undefined) now.push(id);
  }
  return out;
}

/** Every member of the form by where it comes from: `g<group>.<n>` or `e<event>`. */
function membersBySource(f: BuilderForm): Map<string, string> {
  const out = new Map<string, string>();
  declaredMembers(f).forEach((ids, g) => ids.forEach((id, n) => out.set(`g${g}.${n}`, id)));
  addedMemberIds(f).forEach((id, i) => {
    if (id !== undefined) out.set(`e${i}`, id);
  });
  return out;
}

/**
 * `after` (an edit of `before`) with consumer events still on the same member when its name
 * changed: a renamed group renames its members, a typed id renames an added one, and an added
 * member's default name moves when members are added before it. Only while the groups and
 * events stayed in place (none added or removed) and the old name was unique.
 */
export function withMembersFollowing(before: BuilderForm, after: BuilderForm): BuilderForm {
  if (before.groups.length !== after.groups.length) return after;
  if (before.timeline.length !== after.timeline.length) return after;
  const was = membersBySource(before);
  const now = membersBySource(after);
  const uses = new Map<string, number>();
  for (const id of was.values()) uses.set(id, (uses.get(id) ?? 0) + 1);
  const moved = new Map<string, string>();
  for (const [source, from] of was) {
    const to = now.get(source);
    if (to !== undefined && to !== from && uses.get(from) === 1) moved.set(from, to);
  }
  if (moved.size === 0) return after;
  return {
    ...after,
    timeline: after.timeline.map((e) => {
      const to = moved.get(e.consumer);
      return to === undefined ? e : { ...e, consumer: to };
    }),
  };
}
