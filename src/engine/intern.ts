// Interned strings for the hot paths. A key built per call (`broker:3`, `3>5`) is a fresh
// string whose hash V8 computes again at every property lookup; a cached one keeps its hash.
// These caches hold only derived values (strings, and frozen routes a delivery may carry),
// never state, so they do not affect determinism or cloneState. They grow with the names a run
// uses (parties, topics), not with its length.

type Level = Map<string | number, Map<string | number, string>>;
const PAIRS: Level = new Map();
const LABELS: Level = new Map();
const DASHED: Level = new Map();
const NUMERIC: string[][] = [];

/** `${a}${sep}${b}` for a separator fixed per call site, built once per distinct pair. */
export function joinKey(a: string | number, sep: ":" | ">" | "-", b: string | number): string {
  // Broker pairs (`leader>follower`) are the hottest: arrays indexed by id, no hashing.
  if (
    sep === ">" &&
    typeof a === "number" &&
    typeof b === "number" &&
    a >= 0 &&
    b >= 0 &&
    a < 65536 &&
    b < 65536
  )
    return ((NUMERIC[a] ??= [])[b] ??= `${a}>${b}`);
  const level = sep === ">" ? PAIRS : sep === ":" ? LABELS : DASHED;
  let byB = level.get(a);
  if (byB === undefined) level.set(a, (byB = new Map<string | number, string>()));
  let out = byB.get(b);
  if (out === undefined) byB.set(b, (out = `${a}${sep}${b}`));
  return out;
}

/** What a message's two party names imply, worked out once per directed link. */
export interface Route {
  /** `${from}>${to}`: the key of the network link. */
  readonly link: string;
  /** The sending and receiving brokers' ids as state keys, or null for a client or the controller. */
  readonly fromBroker: string | null;
  readonly toBroker: string | null;
}

const ROUTES = new Map<string, Map<string, Route>>();

/** The route between two parties: one lookup per message instead of one per question. */
export function routeOf(from: string, to: string): Route {
  let byTo = ROUTES.get(from);
  if (byTo === undefined) ROUTES.set(from, (byTo = new Map<string, Route>()));
  let out = byTo.get(to);
  if (out === undefined) {
    out = Object.freeze({
      link: `${from}>${to}`,
      fromBroker: brokerKeyOf(from),
      toBroker: brokerKeyOf(to),
    });
    byTo.set(to, out);
  }
  return out;
}

const brokerIds = new Map<string, string | null>();

/** The broker id (as a state key) a party names, or null if it is not a broker. */
export function brokerKeyOf(party: string): string | null {
  let id = brokerIds.get(party);
  if (id === undefined) {
    id = party.startsWith("broker:") ? party.slice(7) : null;
    brokerIds.set(party, id);
  }
  return id;
}

const COUNT_LABELS: string[] = [];

/** A transfer's "N records" label; the same few counts recur on every request. */
export function recordsLabel(n: number): string {
  if (n === 1) return "1 record";
  return n >= 0 && n < 1024 ? (COUNT_LABELS[n] ??= `${n} records`) : `${n} records`;
}

const PRODUCER_KEYS: string[] = [];

/** `p${producerId}`: a replica's key for an idempotent producer (log.ts `producerKey`). */
export function producerIdKey(producerId: number): string {
  return (PRODUCER_KEYS[producerId] ??= `p${producerId}`);
}
