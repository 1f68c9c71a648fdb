// Command-line arguments of `npm run sim`, parsed without a library: a pure function, so the
// usage errors are tested like everything else.

export interface SimArgs {
  /** A path to a scenario file, or the id of a built-in scenario. */
  scenario: string;
  until: number;
  json: boolean;
  events: boolean;
  detail: boolean;
}

export const DEFAULT_UNTIL_MS = 60000;

export const USAGE = `Usage: npm run -s sim -- SCENARIO [--until MS] [--json] [--events] [--detail]

  SCENARIO     a scenario file (JSON), or the name of a built-in scenario
  --until MS   run to this virtual time, in milliseconds (default ${DEFAULT_UNTIL_MS})
  --json       print one JSON document instead of the summary
  --events     print the plain-language events too (to stderr with --json)
  --detail     with --events, include every batch, fetch and acknowledgement
  --list       list the built-in scenarios`;

export type ParsedArgs =
  | { kind: "run"; args: SimArgs }
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "error"; message: string };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let scenario: string | undefined;
  let until = DEFAULT_UNTIL_MS;
  let json = false;
  let events = false;
  let detail = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (arg === "--list") return { kind: "list" };
    if (arg === "--json") json = true;
    else if (arg === "--events") events = true;
    else if (arg === "--detail") detail = events = true;
    else if (arg === "--until" || arg.startsWith("--until=")) {
      const text = arg === "--until" ? argv[++i] : arg.slice("--until=".length);
      const value = Number(text);
      if (text === undefined || text.trim() === "" || !Number.isFinite(value) || value < 0)
        return {
          kind: "error",
          message: `--until needs a virtual time in milliseconds (a number, 0 or more), not ${text === undefined ? "nothing" : JSON.stringify(text)}`,
        };
      until = value;
    } else if (arg.startsWith("-")) return { kind: "error", message: `unknown option ${arg}` };
    else if (scenario !== undefined)
      return { kind: "error", message: `one scenario at a time (got ${scenario} and ${arg})` };
    else scenario = arg;
  }
  if (scenario === undefined)
    return { kind: "error", message: "which scenario? give a file or a built-in name" };
  return { kind: "run", args: { scenario, until, json, events, detail } };
}
