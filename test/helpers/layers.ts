// The dependency rule of docs/architecture.md as code: which layer may import which, through
// which public face, and which ambient APIs each layer may touch. Used by
// test/architecture.test.ts; parses with TypeScript's own parser, so comments, strings and
// multi-line imports are read exactly as the compiler reads them.
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

export const LAYERS = ["engine", "scenario", "store", "views", "cli"] as const;
export type Layer = (typeof LAYERS)[number];
/** Where a source file lives: a layer, or the composition root (files directly in src/). */
export type Place = Layer | "entry";

/** The arrows that may exist. Anything else points up or sideways. */
export const ALLOWED_IMPORTS: Record<Place, readonly Layer[]> = {
  engine: [],
  scenario: ["engine"],
  store: ["scenario", "engine"],
  views: ["store"],
  cli: ["scenario", "engine"],
  // src/main.tsx wires the app together, so it may use any layer's public face.
  entry: ["engine", "scenario", "store", "views"],
};

/**
 * npm packages the engine may import. Empty on purpose: the engine is pure TypeScript. A pure,
 * DOM-free math package could be added here, with the reason in a comment.
 */
export const ENGINE_PACKAGES: readonly string[] = [];

/**
 * The built-in scenario documents: JSON data in the top-level scenarios/ folder (where the CLI,
 * the docs and teachers find them), imported by the scenario layer's library and nothing else.
 */
const SCENARIO_DOCUMENT = /^scenarios\/[\w.-]+\.json$/;

/** The one file outside the engine that may read wall-clock time. */
export const CLOCK_FILE = "src/store/clock.ts";

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export const formatViolation = (v: Violation) => `${v.file}:${v.line}  ${v.message}`;

const RUNS_IN_BROWSER: readonly Place[] = ["engine", "scenario", "store", "views", "entry"];
const UI_PACKAGES = /^(react|react-dom|zustand|d3|d3-[\w-]+)(\/|$)/;

export function placeOf(file: string): Place | undefined {
  const parts = file.split("/");
  if (parts[0] !== "src" || parts.length < 2) return undefined;
  if (parts.length === 2) return "entry";
  return (LAYERS as readonly string[]).includes(parts[1]!) ? (parts[1] as Layer) : undefined;
}

/** The layer an import resolves into; "src/store" (the folder) is the store, not the root. */
function targetOf(resolved: string): Place | undefined {
  const layer = resolved.split("/")[1];
  if ((LAYERS as readonly string[]).includes(layer ?? "")) return layer as Layer;
  return placeOf(resolved);
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(packageName(specifier));
}

function isLayerFace(resolved: string, layer: Layer): boolean {
  const face = `src/${layer}`;
  if (resolved === face) return true;
  return (
    resolved.startsWith(`${face}/`) &&
    /^index(\.[cm]?[jt]sx?)?$/.test(resolved.slice(face.length + 1))
  );
}

/** Problems with one import specifier written in `file` (a path relative to the repo root). */
export function checkSpecifier(file: string, specifier: string): string | undefined {
  const from = placeOf(file);
  if (from === undefined) return `${file} is outside every layer (${LAYERS.join(", ")})`;
  const spec = specifier.replace(/[?#].*$/, "");

  if (!spec.startsWith(".")) {
    if (spec.startsWith("/") || spec.startsWith("src/")) {
      return `imports "${specifier}": use a relative path, so the layer rule can see the arrow`;
    }
    if (packageName(spec) === "d3") {
      return `imports "${specifier}": import d3 submodules (d3-scale, d3-shape, ...), not the d3 bundle`;
    }
    if (from === "engine" && !ENGINE_PACKAGES.includes(packageName(spec))) {
      return `imports "${specifier}": the engine imports no packages (see ENGINE_PACKAGES)`;
    }
    if (RUNS_IN_BROWSER.includes(from) && isNodeBuiltin(spec)) {
      return `imports "${specifier}": ${from} runs in the browser; only src/cli may use Node modules`;
    }
    if ((from === "scenario" || from === "cli") && UI_PACKAGES.test(spec)) {
      return `imports "${specifier}": ${from} knows nothing of the UI (react, zustand, d3)`;
    }
    return undefined;
  }

  const resolved = path.posix
    .normalize(path.posix.join(path.posix.dirname(file), spec))
    .replace(/\/$/, "");
  if (from === "scenario" && SCENARIO_DOCUMENT.test(resolved)) return undefined;
  if (!resolved.startsWith("src/")) {
    return `imports "${specifier}": reaches outside src/`;
  }
  const to = targetOf(resolved);
  if (to === "entry") return `imports "${specifier}": nothing may import the composition root`;
  if (to === undefined) return `imports "${specifier}": ${resolved} is in no layer`;
  if (to === from) {
    return isLayerFace(resolved, to)
      ? `imports "${specifier}": inside a layer, import the file itself, not the layer's own index.ts (cycles)`
      : undefined;
  }
  if (!ALLOWED_IMPORTS[from].includes(to)) {
    const allowed = ALLOWED_IMPORTS[from];
    const may = allowed.length === 0 ? "nothing outside itself" : allowed.join(", ");
    return `imports "${specifier}": ${from} -> ${to} points the wrong way (${from} may import ${may})`;
  }
  if (!isLayerFace(resolved, to)) {
    return `imports "${specifier}": other layers may use only src/${to}/index.ts, the layer's public face`;
  }
  return undefined;
}

/** Every module specifier in a file: import, import type, export ... from, import(), require(). */
export function moduleSpecifiers(source: ts.SourceFile): { specifier: string; node: ts.Node }[] {
  const found: { specifier: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    let target: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      target = node.moduleSpecifier;
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      target = node.moduleReference.expression;
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) {
      target = node.arguments[0];
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      target = node.argument.literal;
    }
    if (target && ts.isStringLiteralLike(target)) found.push({ specifier: target.text, node });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** True when an identifier is read as a value, not written as a property or declaration name. */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isJsxAttribute(p)) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessorDeclaration(p) ||
      ts.isSetAccessorDeclaration(p) ||
      ts.isEnumMember(p)) &&
    p.name === id
  ) {
    return false;
  }
  return true;
}

const ENGINE_BANNED_GLOBALS = new Set([
  "setTimeout",
  "setInterval",
  "requestAnimationFrame",
  "localStorage",
]);
const ENGINE_BANNED_OBJECTS = new Set(["performance", "window", "document", "crypto"]);
const WALL_CLOCK_GLOBALS = new Set(["requestAnimationFrame", "cancelAnimationFrame"]);

/** Ambient APIs a file may not touch: nondeterminism in the engine, wall-clock time elsewhere. */
export function bannedApiUses(
  file: string,
  source: ts.SourceFile,
): { api: string; node: ts.Node }[] {
  const place = placeOf(file);
  const inEngine = place === "engine";
  const clockAllowed = file === CLOCK_FILE;
  const found: { api: string; node: ts.Node }[] = [];
  const nameOf = (e: ts.Expression) => (ts.isIdentifier(e) ? e.text : undefined);

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const object = nameOf(node.expression);
      const member = node.name.text;
      if (inEngine) {
        if (object === "Math" && member === "random") found.push({ api: "Math.random", node });
        if (object === "Date" && member === "now") found.push({ api: "Date.now", node });
        if (object !== undefined && ENGINE_BANNED_OBJECTS.has(object)) {
          found.push({ api: `${object}.`, node });
        }
        if (
          object === "globalThis" &&
          (ENGINE_BANNED_GLOBALS.has(member) || ENGINE_BANNED_OBJECTS.has(member))
        ) {
          found.push({ api: `globalThis.${member}`, node });
        }
      } else if (!clockAllowed) {
        const isPerformance =
          object === "performance" ||
          (ts.isPropertyAccessExpression(node.expression) &&
            node.expression.name.text === "performance");
        if (isPerformance && member === "now") found.push({ api: "performance.now", node });
        if ((object === "window" || object === "globalThis") && WALL_CLOCK_GLOBALS.has(member)) {
          found.push({ api: member, node });
        }
      }
    } else if (inEngine && (ts.isNewExpression(node) || ts.isCallExpression(node))) {
      if (nameOf(node.expression) === "Date") {
        found.push({ api: ts.isNewExpression(node) ? "new Date" : "Date()", node });
      }
    } else if (ts.isIdentifier(node) && isValueReference(node)) {
      if (inEngine && ENGINE_BANNED_GLOBALS.has(node.text)) found.push({ api: node.text, node });
      if (!inEngine && !clockAllowed && WALL_CLOCK_GLOBALS.has(node.text)) {
        found.push({ api: node.text, node });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every architecture violation in one source file. `file` is relative to the repo root. */
export function checkSource(file: string, text: string): Violation[] {
  const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const violations: Violation[] = [];

  for (const { specifier, node } of moduleSpecifiers(source)) {
    const message = checkSpecifier(file, specifier);
    if (message) violations.push({ file, line: lineOf(node), message });
  }
  for (const { api, node } of bannedApiUses(file, source)) {
    const message =
      placeOf(file) === "engine"
        ? `uses ${api}: the engine is deterministic (virtual time, seeded random, no host APIs)`
        : `uses ${api}: only ${CLOCK_FILE} reads wall-clock time`;
    violations.push({ file, line: lineOf(node), message });
  }
  if (/^src\/[^/]+\/index\.tsx?$/.test(file)) {
    source.statements.forEach((s) => {
      if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.exportClause) {
        violations.push({
          file,
          line: lineOf(s),
          message: "export * in a public face: re-export each name explicitly",
        });
      }
    });
  }
  return violations;
}
