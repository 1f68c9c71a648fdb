// The link decoder against 100,000 hostile inputs: it never throws, and always answers either a
// run or a problem with a message a person can read.
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeShareLink } from "../../src/scenario/url/shareLink.ts";
import type { ReadRunResult } from "../../src/scenario/url/sharedRun.ts";
import { builtinScenarios } from "./urlArbitrary.ts";

let decoded = 0;

function holds(fragment: string): boolean {
  let r: ReadRunResult;
  try {
    r = decodeShareLink(fragment);
  } catch (e) {
    throw new Error(
      `decodeShareLink threw on ${JSON.stringify(fragment.slice(0, 200))}: ${String(e)}`,
      { cause: e },
    );
  }
  decoded++;
  if (r.ok) return r.run.time >= 0 && Array.isArray(r.run.commands);
  return typeof r.problem.message === "string" && r.problem.message.length > 10;
}

const pack = (text: string): string =>
  `v1.${deflateRawSync(Buffer.from(text)).toString("base64url")}`;

const validPayloads = builtinScenarios.slice(0, 6).map((scenario, i) =>
  JSON.stringify({
    scenario,
    commands: [
      { at: 1000 * i, do: "killBroker", broker: scenario.brokers[0]!.id },
      { at: 2000 + 1000 * i, do: "restartBroker", broker: scenario.brokers[0]!.id },
    ],
    time: 3000 + i,
    playing: i % 2 === 0,
  }),
);
const validLinks = validPayloads.map(pack);

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A valid link damaged the ways links are damaged: cut, a character changed, inserted or lost. */
const mutatedLink = fc
  .record({
    link: fc.constantFrom(...validLinks),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom("cut", "change", "insert", "delete"),
        at: fc.nat(),
        ch: fc.oneof(fc.constantFrom(...B64), fc.string({ minLength: 1, maxLength: 1 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ link, edits }) => {
    let s = link;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      if (e.kind === "cut") s = s.slice(0, at);
      else if (e.kind === "change") s = s.slice(0, at) + e.ch + s.slice(at + 1);
      else if (e.kind === "insert") s = s.slice(0, at) + e.ch + s.slice(at);
      else s = s.slice(0, at) + s.slice(at + 1);
    }
    return s;
  });

/** A valid payload with one top-level field, or one scenario field, replaced by any JSON. */
const alteredPayload = fc
  .record({
    payload: fc.constantFrom(...validPayloads),
    inScenario: fc.boolean(),
    key: fc.constantFrom(
      "scenario",
      "commands",
      "time",
      "playing",
      "speed",
      "embed",
      "brokers",
      "topics",
      "producers",
      "timeline",
      "version",
      "__proto__",
    ),
    value: fc.jsonValue({ maxDepth: 3 }),
  })
  .map(({ payload, inScenario, key, value }) => {
    const o = JSON.parse(payload) as Record<string, Record<string, unknown>>;
    if (inScenario) o["scenario"]![key] = value;
    else (o as Record<string, unknown>)[key] = value;
    return pack(JSON.stringify(o));
  });

describe("the share-link decoder under hostile input", () => {
  it("never throws and always says what is wrong, over 100,000 inputs", () => {
    decoded = 0;
    // Anything at all, with or without a version prefix.
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (s) => holds(s)),
      { numRuns: 15_000 },
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.constantFrom("", "#", "v1.", "#v1.", "v2.", "v0.", "v1"),
        (s, p) => holds(p + s),
      ),
      { numRuns: 15_000 },
    );
    // Well-formed base64url of random bytes: the inflater meets garbage.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) =>
        holds(`v1.${Buffer.from(b).toString("base64url")}`),
      ),
      { numRuns: 30_000 },
    );
    // Well-formed deflate of random bytes: the UTF-8 and JSON readers meet garbage.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) =>
        holds(`v1.${deflateRawSync(b).toString("base64url")}`),
      ),
      { numRuns: 5_000 },
    );
    fc.assert(fc.property(mutatedLink, holds), { numRuns: 20_000 });
    // Well-formed JSON of any shape, then valid runs with one part replaced: the payload reader
    // and the validator meet garbage.
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => holds(pack(JSON.stringify(v)))),
      { numRuns: 10_000 },
    );
    fc.assert(fc.property(alteredPayload, holds), { numRuns: 5_000 });
    expect(decoded).toBeGreaterThanOrEqual(100_000);
  });

  it("the valid links the fuzzing starts from do open", () => {
    for (const l of validLinks) expect(decodeShareLink(l).ok).toBe(true);
  });
});
