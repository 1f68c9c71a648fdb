// Shipped JavaScript, gzipped, as the browser downloads it (run after `vite build`).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  files: number;
  rawKb: number;
  gzipKb: number;
}

export function measureBundle(dir = "dist/assets"): BundleSize | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  } catch {
    return null;
  }
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const path = join(dir, f);
    raw += statSync(path).size;
    gz += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return {
    files: files.length,
    rawKb: Math.round(raw / 102.4) / 10,
    gzipKb: Math.round(gz / 102.4) / 10,
  };
}
