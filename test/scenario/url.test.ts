import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBuiltinScenario } from "../../src/scenario/library/index.ts";
import type { Scenario } from "../../src/scenario/schema.ts";
import { canonicalJson } from "../../src/scenario/url/canonicalJson.ts";
import { decodeShareLink, encodeShareLink, readRunJson } from "../../src/scenario/url/shareLink.ts";
import { LINK_LIMITS, type SharedRun } from "../../src/scenario/url/sharedRun.ts";
import { inflateRaw } from "../../src/scenario/url/inflate.ts";
import { builtinScenarios, runArb } from "./urlArbitrary.ts";

const defaultScenario = (): Scenario => {
  const loaded = loadBuiltinScenario("default");
  if (!loaded?.ok) throw new Error("the default scenario does not validate");
  return loaded.scenario;
};

const run = (over: Partial<SharedRun> = {}): SharedRun => ({
  scenario: defaultScenario(),
  commands: [{ at: 12_000, command: { type: "killBroker", broker: 2 } }],
  time: 15_250,
  playing: false,
  speed: 1,
  embed: false,
  ...over,
});

/** A fragment for any payload JSON text, packed as another tool (zlib) would. */
const link = (json: string, version = 1): string =>
  `v${version}.${deflateRawSync(Buffer.from(json)).toString("base64url")}`;

async function encoded(r: SharedRun): Promise<string> {
  const e = await encodeShareLink(r);
  if (!e.ok) throw new Error(e.message);
  return e.fragment;
}

describe("share links", () => {
  it("a link starts with its version and decodes to the same run", async () => {
    const fragment = await encoded(run());
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const back = decodeShareLink(`#${fragment}`);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.run.time).toBe(15_250);
    expect(back.run.playing).toBe(false);
    expect(back.run.commands).toEqual([{ at: 12_000, command: { type: "killBroker", broker: 2 } }]);
    expect(canonicalJson(back.run.scenario)).toBe(canonicalJson(defaultScenario()));
  });

  it("encode then decode is the identity on random runs of every built-in scenario", async () => {
    await fc.assert(
      fc.asyncProperty(
        runArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.boolean(),
        async (r, speed, embed) => {
          const shared: SharedRun = { ...r, speed, embed };
          const back = decodeShareLink(await encoded(shared));
          if (!back.ok)
            throw new Error(
              back.problem.message + back.problem.details.map((d) => d.message).join(),
            );
          const { spec: _spec, ...rest } = back.run;
          expect(canonicalJson(rest)).toBe(canonicalJson(shared));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the link form of every built-in scenario validates to the same engine spec", () => {
    for (const s of builtinScenarios) {
      const back = readRunJson(
        JSON.stringify({ scenario: s, commands: [], time: 0, playing: false }),
      );
      expect(back.ok).toBe(true);
      if (back.ok) expect(canonicalJson(back.run.scenario)).toBe(canonicalJson(s));
    }
  });

  it("a payload written by another tool with zlib opens (the documented example)", () => {
    const json = JSON.stringify({
      scenario: {
        version: 1,
        name: "Tiny",
        brokers: 3,
        topics: [{ name: "t", partitions: 1, replicationFactor: 3 }],
      },
      commands: [{ at: 5000, do: "killBroker", broker: 1 }],
      time: 8000,
      playing: true,
    });
    const back = decodeShareLink(link(json));
    expect(back.ok && back.run.commands[0]).toEqual({
      at: 5000,
      command: { type: "killBroker", broker: 1 },
    });
  });
});

describe("docs/url-format.md", () => {
  const doc = readFileSync(new URL("../../docs/url-format.md", import.meta.url), "utf8");

  it("the worked example's link opens to the payload shown beside it", () => {
    const fragment = /^#(v1\.[A-Za-z0-9_-]+)$/m.exec(doc)?.[1];
    const shown = /The payload \(spaces removed[^\n]*\n\n```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(fragment && shown).toBeTruthy();
    const back = decodeShareLink(fragment!);
    const expected = readRunJson(shown!);
    if (!back.ok || !expected.ok) throw new Error("the documented example does not open");
    expect(canonicalJson(back.run)).toBe(canonicalJson(expected.run));
    expect(back.run.commands.map((c) => c.at)).toEqual([4000, 9000.5]);
  });
});

describe("a broken or hostile link gets a message, never an exception", () => {
  const kindOf = (fragment: string) => {
    const r = decodeShareLink(fragment);
    return r.ok ? "ok" : r.problem.kind;
  };

  it("a cut link says it is cut short", async () => {
    const fragment = await encoded(run());
    for (const cut of [
      fragment.length - 1,
      fragment.length - 7,
      Math.floor(fragment.length / 2),
      6,
    ])
      expect(["truncated", "damaged"]).toContain(kindOf(fragment.slice(0, cut)));
    const r = decodeShareLink(fragment.slice(0, fragment.length - 10));
    expect(!r.ok && r.problem.message).toMatch(/cut short|damaged/);
  });

  it("a random string is not a share link", () => {
    const r = decodeShareLink("#hello-world");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/not a Brokerlab share link/);
  });

  it("a link from a newer version says so", () => {
    const r = decodeShareLink("#v2.AAAA");
    expect(!r.ok && r.problem.kind).toBe("newerVersion");
    expect(!r.ok && r.problem.message).toMatch(/newer Brokerlab/);
  });

  it("a 100 MB link is refused before it is read", () => {
    const r = decodeShareLink(`#v1.${"A".repeat(100 * 1024 * 1024)}`);
    expect(!r.ok && r.problem.kind).toBe("tooLarge");
  });

  it("a small link that unpacks past the cap stops unpacking at the cap", () => {
    const bomb = `v1.${deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 32)).toString("base64url")}`;
    expect(bomb.length).toBeLessThan(100_000);
    const r = decodeShareLink(bomb);
    expect(!r.ok && r.problem.kind).toBe("tooLarge");
    expect(
      inflateRaw(
        deflateRawSync(Buffer.alloc(LINK_LIMITS.decodedBytes + 1)),
        LINK_LIMITS.decodedBytes,
      ).ok,
    ).toBe(false);
  });

  it("characters a link never has are named, with where they are", () => {
    const r = decodeShareLink("#v1.abc%20def");
    expect(!r.ok && r.problem.kind).toBe("damaged");
    expect(!r.ok && r.problem.message).toMatch(/"%"/);
  });

  it("invalid JSON inside says so", () => {
    const r = decodeShareLink(link("{not json"));
    expect(!r.ok && r.problem.kind).toBe("notJson");
  });

  it("a scenario with RF above the broker count gets the validator's message", () => {
    const scenario = {
      ...defaultScenario(),
      topics: [{ ...defaultScenario().topics[0]!, replicationFactor: 4 }],
    };
    const r = decodeShareLink(
      link(JSON.stringify({ scenario, commands: [], time: 0, playing: false })),
    );
    expect(!r.ok && r.problem.kind).toBe("badScenario");
    if (!r.ok)
      expect(r.problem.details.map((d) => `${d.path}: ${d.message}`).join("\n")).toMatch(
        /topics\[0\]\.replicationFactor: 4 is larger than the number of brokers \(3\)/,
      );
  });

  it("commands that do not fit the scenario are named by their place in the link", () => {
    const json = JSON.stringify({
      scenario: defaultScenario(),
      commands: [
        { at: 1000, do: "killBroker", broker: 2 },
        { at: 2000, do: "killBroker", broker: 7 },
        { at: 500, do: "restartBroker", broker: 2 },
        { at: 3000, do: "explodeBroker", broker: 1 },
      ],
      time: 4000,
      playing: false,
    });
    const r = readRunJson(json);
    expect(!r.ok && r.problem.kind).toBe("badCommands");
    if (r.ok) return;
    const lines = r.problem.details.map((d) => `${d.path}: ${d.message}`).join("\n");
    expect(lines).toMatch(/commands\[1\]\.broker: there is no broker 7/);
    expect(lines).toMatch(/commands\[2\]\.at: 500 is earlier than the command before it/);
    expect(lines).toMatch(/commands\[3\]\.do: unknown command "explodeBroker"/);
  });

  it("a moment past the cap, a bad flag and an unknown field are each reported", () => {
    const r = readRunJson(
      JSON.stringify({
        scenario: defaultScenario(),
        commands: [],
        time: 1e15,
        playing: "yes",
        tme: 1,
      }),
    );
    expect(!r.ok && r.problem.details.map((d) => d.path).sort()).toEqual([
      "playing",
      "time",
      "tme",
    ]);
  });
});
