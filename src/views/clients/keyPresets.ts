// The key workloads a student can switch a producer to. A preset is only a key list and how
// keys are picked; the engine's partitioner decides where each key goes.

export type KeyPresetId = "none" | "few" | "many" | "hot" | "custom";

export interface KeyWorkload {
  keys: string[] | null;
  keyDistribution: "uniform" | "hot";
}

const FEW = ["alice", "bob", "carol", "dave"];
const MANY = Array.from({ length: 100 }, (_, i) => `user-${i}`);

export const KEY_PRESETS: readonly { id: Exclude<KeyPresetId, "custom">; label: string }[] = [
  { id: "none", label: "No key (null): spread by the partitioner" },
  { id: "few", label: `A few keys (${FEW.length})` },
  { id: "many", label: `Many keys (${MANY.length})` },
  { id: "hot", label: "One hot key (most records)" },
];

export function presetWorkload(id: Exclude<KeyPresetId, "custom">): KeyWorkload {
  switch (id) {
    case "none":
      return { keys: null, keyDistribution: "uniform" };
    case "few":
      return { keys: FEW, keyDistribution: "uniform" };
    case "many":
      return { keys: MANY, keyDistribution: "uniform" };
    case "hot":
      return { keys: ["hot", ...FEW], keyDistribution: "hot" };
  }
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/** Which preset a producer's current workload is, or "custom". */
export function presetOf(keys: readonly string[] | null, distribution: string): KeyPresetId {
  if (keys === null || keys.length === 0) return "none";
  if (distribution === "hot") return same(keys, ["hot", ...FEW]) ? "hot" : "custom";
  if (same(keys, FEW)) return "few";
  if (same(keys, MANY)) return "many";
  return "custom";
}

/** A typed key list: comma- or space-separated; empty means records without a key. */
export function parseKeyList(text: string): string[] | null {
  const keys = text
    .split(/[,\s]+/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
  return keys.length === 0 ? null : [...new Set(keys)];
}

/** How a workload reads in one line. */
export function describeKeys(keys: readonly string[] | null, distribution: string): string {
  if (keys === null || keys.length === 0) return "no key";
  const shown = keys.length <= 4 ? keys.join(", ") : `${keys.slice(0, 3).join(", ")}, …`;
  const count = `${keys.length} key${keys.length === 1 ? "" : "s"}`;
  return distribution === "hot" ? `${count}, hot key "${keys[0]}"` : `${count} (${shown})`;
}
