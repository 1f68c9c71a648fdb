// Shipped JavaScript, gzipped, as the browser downloads it (run after `vite build`): what the
// first page load fetches (the entry script and the chunks it preloads), and everything,
// including the sections that load when first opened.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  files: number;
  rawKb: number;
  gzipKb: number;
  /** What the first page load fetches. */
  initialFiles: number;
  initialGzipKb: number;
}

const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;

/** Script and modulepreload files named by index.html. */
function initialScripts(distDir: string): Set<string> {
  const html = join(distDir, "index.html");
  if (!existsSync(html)) return new Set();
  const text = readFileSync(html, "utf8");
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:src|href)="([^"]+\.js)"/g)) names.add(basename(m[1]!));
  return names;
}

export function measureBundle(distDir = process.env["DIST_DIR"] ?? "dist"): BundleSize | null {
  const dir = join(distDir, "assets");
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  } catch {
    return null;
  }
  const initial = initialScripts(distDir);
  let raw = 0;
  let gz = 0;
  let initialGz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    if (initial.has(f)) initialGz += zipped;
  }
  return {
    files: files.length,
    rawKb: kb(raw),
    gzipKb: kb(gz),
    initialFiles: files.filter((f) => initial.has(f)).length,
    initialGzipKb: kb(initialGz),
  };
}
