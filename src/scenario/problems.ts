// Problems are values: the JSON path of the field and what is wrong with it, written for the
// person who wrote the scenario. Helpers here describe values and suggest near-miss names.

export interface Problem {
  /** Where: `topics[0].replicationFactor`, `cluster["broker.session.timeout.ms"]`; "" = the document. */
  path: string;
  message: string;
}

export const formatProblem = (p: Problem): string =>
  p.path === "" ? p.message : `${p.path}: ${p.message}`;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Appends a key to a path: `a.b` for identifiers, `a["x.y"]` for dotted config names. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${quote(key)}]`;
}

/** A string as JSON would write it, shortened so that a hostile value cannot flood a message. */
export function quote(s: string, max = 60): string {
  const short = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(short);
}

/** How a value reads in a message: `"3"` (a string), `3`, `NaN`, `null`, `an array`, `an object`. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known name a near miss was meant to be: the same letters in another spelling
 * (`minInsyncReplicas`, `min_insync_replicas`), or a couple of typos away.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > 80) return undefined;
  const s = squash(name);
  const same = known.find((k) => squash(k) === s);
  if (same !== undefined) return same;
  const allowed = Math.max(2, Math.floor(name.length / 4));
  // Only names of about the same length can be that close; the cap bounds the work per guess.
  const candidates = known
    .filter((k) => Math.abs(k.length - name.length) <= allowed)
    .slice(0, MAX_CANDIDATES);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of candidates) {
    const d = levenshtein(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

const MAX_CANDIDATES = 50;

export const didYouMean = (name: string, known: readonly string[]): string => {
  const guess = closest(name, known);
  return guess === undefined ? "" : ` (did you mean ${quote(guess)}?)`;
};

/** A list for a message: `1, 2, 3`, shortened past a dozen items. */
export function listOf(items: readonly (string | number)[], max = 12): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown}, … (${items.length} in all)` : shown;
}
