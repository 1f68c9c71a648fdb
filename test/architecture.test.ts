// The dependency rule of docs/architecture.md, checked on every source file: arrows point down
// (views -> store -> scenario -> engine; cli -> scenario, engine), other layers use only a
// layer's index.ts, the engine touches no clock, randomness or host API, and only
// src/store/clock.ts reads wall-clock time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSource, formatViolation, LAYERS, type Violation } from "./helpers/layers";

const root = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [rel] : [];
  });
}

const messages = (file: string, text: string) => checkSource(file, text).map((v) => v.message);

describe("the checker itself catches violations", () => {
  it("flags an engine file importing the store, with file and line", () => {
    const found = checkSource("src/engine/bad.ts", 'const a = 1;\nimport { x } from "../store";\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "src/engine/bad.ts", line: 2 });
    expect(formatViolation(found[0] as Violation)).toMatch(
      /^src\/engine\/bad\.ts:2 .*engine -> store/,
    );
  });

  it("reads multi-line type imports, export-from, dynamic import and import types", () => {
    const engine = [
      "import type {",
      "  Scenario,",
      '} from "../scenario";',
      'export { App } from "../views";',
      'const m = await import("../cli/sim");',
      'type S = import("../store").SimStore;',
    ].join("\n");
    expect(checkSource("src/engine/x.ts", engine).map((v) => v.line)).toEqual([1, 4, 5, 6]);
  });

  it("ignores import-like text in comments and strings", () => {
    const text = '// import { x } from "../store";\nconst s = "import y from \'../views\'";\n';
    expect(checkSource("src/engine/x.ts", text)).toEqual([]);
  });

  it("lets each layer import only the layers below it", () => {
    expect(messages("src/views/A.tsx", 'import { useSim } from "../store";')).toEqual([]);
    expect(messages("src/views/A.tsx", 'import type { State } from "../engine";')).toHaveLength(1);
    expect(messages("src/views/A.tsx", 'import { parse } from "../scenario";')).toHaveLength(1);
    expect(messages("src/store/a.ts", 'import { App } from "../views";')).toHaveLength(1);
    expect(messages("src/store/a.ts", 'import { createSimulation } from "../engine";')).toEqual([]);
    expect(messages("src/scenario/a.ts", 'import { x } from "../store";')).toHaveLength(1);
    expect(messages("src/scenario/a.ts", 'import { x } from "../engine/index";')).toEqual([]);
    expect(messages("src/cli/run.ts", 'import { x } from "../store";')).toHaveLength(1);
    expect(messages("src/cli/run.ts", 'import { x } from "../scenario/index.ts";')).toEqual([]);
    expect(messages("src/engine/a.ts", 'import { x } from "../../package.json";')).toHaveLength(1);
  });

  it("lets other layers use only a layer's index.ts", () => {
    expect(messages("src/views/A.tsx", 'import { tick } from "../store/clock";')).toEqual([
      'imports "../store/clock": other layers may use only src/store/index.ts, the layer\'s public face',
    ]);
    expect(
      messages("src/store/a.ts", 'import { x } from "../engine/assignors/range";'),
    ).toHaveLength(1);
    expect(messages("src/views/cluster/B.tsx", 'import { x } from "../../store/";')).toEqual([]);
  });

  it("keeps siblings importing each other directly, not through their own index.ts", () => {
    expect(messages("src/engine/simulation.ts", 'import { q } from "./queue";')).toEqual([]);
    expect(messages("src/engine/assignors/range.ts", 'import { q } from "../types";')).toEqual([]);
    expect(messages("src/engine/simulation.ts", 'import { q } from "./index";')).toHaveLength(1);
  });

  it("keeps packages where they belong", () => {
    expect(messages("src/engine/a.ts", 'import { create } from "zustand";')).toHaveLength(1);
    expect(messages("src/engine/a.ts", 'import { scaleLinear } from "d3-scale";')).toHaveLength(1);
    expect(messages("src/scenario/a.ts", 'import React from "react";')).toHaveLength(1);
    expect(messages("src/views/A.tsx", 'import { select } from "d3";')).toHaveLength(1);
    expect(messages("src/views/A.tsx", 'import { scaleLinear } from "d3-scale";')).toEqual([]);
    expect(messages("src/store/a.ts", 'import { readFileSync } from "node:fs";')).toHaveLength(1);
    expect(messages("src/cli/run.ts", 'import { readFileSync } from "node:fs";')).toEqual([]);
    expect(messages("src/cli/run.ts", 'import { create } from "zustand";')).toHaveLength(1);
  });

  it("flags nondeterminism and host APIs in the engine, in code only", () => {
    const bad = [
      "const r = Math.random();",
      "const t = Date.now();",
      "const d = new Date(0);",
      "setTimeout(() => {}, 1);",
      "const i = setInterval;",
      "const p = performance.now();",
      "window.alert('x');",
      "document.title = 'x';",
    ].join("\n");
    expect(checkSource("src/engine/a.ts", bad).map((v) => v.line)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const fine = [
      "// Math.random() would break replay; new Date() too",
      'const s = "Date.now()";',
      "const o = { setTimeout: 1, window: 2 };",
      "const v = o.setTimeout + o.window;",
      "const state = { random: () => 4 };",
    ].join("\n");
    expect(checkSource("src/engine/a.ts", fine)).toEqual([]);
  });

  it("lets only src/store/clock.ts read wall-clock time", () => {
    const clock = "const id = requestAnimationFrame(() => performance.now());";
    expect(checkSource("src/store/clock.ts", clock)).toEqual([]);
    expect(checkSource("src/store/time.ts", clock)).toHaveLength(2);
    expect(checkSource("src/views/A.tsx", "window.requestAnimationFrame(f);")).toHaveLength(1);
  });

  it("lets only the scenario layer import the scenario documents in scenarios/", () => {
    const doc = 'import doc from "../../../scenarios/default.json";';
    expect(messages("src/scenario/library/index.ts", doc)).toEqual([]);
    expect(messages("src/engine/x/a.ts", doc)).toHaveLength(1);
    expect(messages("src/store/x/a.ts", doc)).toHaveLength(1);
    expect(
      messages("src/scenario/library/index.ts", 'import x from "../../../scenarios/run.ts";'),
    ).toHaveLength(1);
  });

  it("wants explicit re-exports in a public face", () => {
    expect(messages("src/engine/index.ts", 'export * from "./types";')).toHaveLength(1);
    expect(messages("src/engine/index.ts", 'export { advanceTo } from "./simulation";')).toEqual(
      [],
    );
  });
});

describe("the source tree follows the dependency rule", () => {
  const files = sourceFiles("src");

  it("has source files to check", () => {
    expect(files).toContain("src/main.tsx");
    expect(files).toContain("src/views/App.tsx");
  });

  it("has no import pointing up, no reach past a public face, no banned API", () => {
    const violations = files.flatMap((file) =>
      checkSource(file, readFileSync(path.join(root, file), "utf8")),
    );
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it("gives every layer that other code imports one index.ts", () => {
    const missing = LAYERS.filter((layer) => layer !== "cli")
      .filter((layer) => files.some((f) => f.startsWith(`src/${layer}/`)))
      .filter((layer) => !existsSync(path.join(root, `src/${layer}/index.ts`)))
      .map((layer) => `src/${layer}/index.ts`);
    expect(missing).toEqual([]);
  });
});
