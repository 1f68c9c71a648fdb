// One colour per record key, the same everywhere a record is drawn (log cells, travelling
// records, the legend). Paul Tol's "light" scheme: a categorical palette made to stay apart
// under the common colour-vision deficiencies, light enough to carry dark offset text in both
// themes, and distinct from the Okabe-Ito colours that mean leader, in sync and alarm.

import type { SimulationSpec } from "../../store/index.ts";

export const KEY_PALETTE = [
  "#77aadd",
  "#ee8866",
  "#eedd88",
  "#ffaabb",
  "#99ddff",
  "#44bb99",
  "#bbcc33",
  "#aaaa00",
] as const;

/** Records without a key: neutral, so they never look like one key's records. */
export const NULL_KEY_COLOUR = "#dddddd";

/** FNV-1a: a stable index for a key the scenario did not list. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type KeyColour = (key: string | null) => string;

/**
 * The keys the scenario's producers list get the palette in order (so four or eight keys never
 * share a colour); any other key is hashed onto the colours the listed keys left free, so a key
 * typed in a burst never looks like one of the scenario's (with eight or more listed keys none is
 * free, and it takes the whole palette). Built from the spec, which a run never changes, so a key
 * keeps its colour for the whole run, through seeks and live changes.
 */
export function keyColours(spec: SimulationSpec): KeyColour {
  const known = new Map<string, string>();
  for (const p of spec.producers)
    for (const k of p.keys ?? [])
      if (!known.has(k)) known.set(k, KEY_PALETTE[known.size % KEY_PALETTE.length]!);
  const used = new Set(known.values());
  const free = KEY_PALETTE.filter((c) => !used.has(c));
  const others = free.length > 0 ? free : KEY_PALETTE;
  return (key) =>
    key === null ? NULL_KEY_COLOUR : (known.get(key) ?? others[hash(key) % others.length]!);
}

/** The keys a legend lists: the scenario's own, in order, and whether some records have none. */
export function legendKeys(spec: SimulationSpec): { keys: string[]; unkeyed: boolean } {
  const keys: string[] = [];
  let unkeyed = false;
  for (const p of spec.producers) {
    if (!p.keys || p.keys.length === 0) unkeyed = true;
    for (const k of p.keys ?? []) if (!keys.includes(k)) keys.push(k);
  }
  return { keys, unkeyed };
}
