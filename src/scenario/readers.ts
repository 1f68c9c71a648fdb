// Typed readers for the fields of an untrusted object. Each returns the value when it fits, and
// otherwise records a problem at the field's path and returns undefined, so that one pass over
// a document reports every problem in it.

import { childPath, describeValue, didYouMean, type Problem } from "./problems.ts";

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Own keys only: a JSON key named "__proto__" or "constructor" is just an unknown field. */
export const has = (o: Readonly<Record<string, unknown>>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(o, key);

export const get = (o: Readonly<Record<string, unknown>>, key: string): unknown =>
  has(o, key) ? o[key] : undefined;

/** Reports every key not in `known`, with a guess for near misses, so a typo never passes. */
export function unknownFields(
  o: Record<string, unknown>,
  path: string,
  known: readonly string[],
  problems: Problem[],
  what = "field",
): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key))
      problems.push({
        path: childPath(path, key),
        message: `unknown ${what}${didYouMean(key, known)}`,
      });
  }
}

export function requireObject(
  v: unknown,
  path: string,
  what: string,
  problems: Problem[],
): v is Record<string, unknown> {
  if (isRecord(v)) return true;
  problems.push({ path, message: `must be an object (${what}), not ${describeValue(v)}` });
  return false;
}

export interface IntRule {
  min: number;
  max: number;
  /** What the number is, for the "missing" message. */
  what: string;
}

/** A whole number in range; undefined (and a problem) when missing or wrong. */
export function readInt(
  o: Record<string, unknown>,
  key: string,
  path: string,
  rule: IntRule,
  problems: Problem[],
  required = true,
): number | undefined {
  const v = get(o, key);
  const at = childPath(path, key);
  if (v === undefined) {
    if (required) problems.push({ path: at, message: `missing: ${rule.what}` });
    return undefined;
  }
  if (typeof v === "number" && Number.isInteger(v) && v >= rule.min && v <= rule.max) return v;
  const hint = typeof v === "string" ? " (write it without quotes)" : "";
  const range =
    rule.max >= Number.MAX_SAFE_INTEGER
      ? `a whole number, at least ${rule.min}`
      : `a whole number from ${rule.min} to ${rule.max}`;
  problems.push({ path: at, message: `must be ${range}, not ${describeValue(v)}${hint}` });
  return undefined;
}

export function readNumber(
  o: Record<string, unknown>,
  key: string,
  path: string,
  min: number,
  max: number,
  problems: Problem[],
): number | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  if (typeof v === "number" && Number.isFinite(v) && v >= min && v <= max) return v;
  problems.push({
    path: childPath(path, key),
    message: `must be a number from ${min} to ${max}, not ${describeValue(v)}`,
  });
  return undefined;
}

/** `what` names a required string for the "missing" message; null makes it optional. */
export function readString(
  o: Record<string, unknown>,
  key: string,
  path: string,
  maxLength: number,
  problems: Problem[],
  what: string | null,
): string | undefined {
  const v = get(o, key);
  const at = childPath(path, key);
  if (v === undefined) {
    if (what !== null) problems.push({ path: at, message: `missing: ${what}` });
    return undefined;
  }
  if (typeof v !== "string") {
    problems.push({ path: at, message: `must be a string, not ${describeValue(v)}` });
    return undefined;
  }
  if (v.length > maxLength) {
    problems.push({ path: at, message: tooLong(v, maxLength) });
    return undefined;
  }
  return v;
}

export const tooLong = (s: string, maxLength: number): string =>
  `is ${s.length} characters long; at most ${maxLength}`;

export function readBoolean(
  o: Record<string, unknown>,
  key: string,
  path: string,
  problems: Problem[],
): boolean | undefined {
  const v = get(o, key);
  if (v === undefined || typeof v === "boolean") return v;
  problems.push({
    path: childPath(path, key),
    message: `must be true or false, not ${describeValue(v)}`,
  });
  return undefined;
}

/** A list of at most `max` entries, not yet checked one by one; absent or wrong reads as []. */
export function readList(
  o: Record<string, unknown>,
  key: string,
  path: string,
  max: number,
  problems: Problem[],
  what: string,
): unknown[] {
  const v = get(o, key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push({
      path: childPath(path, key),
      message: `must be a list (${what}), not ${describeValue(v)}`,
    });
    return [];
  }
  if (v.length > max) {
    problems.push({
      path: childPath(path, key),
      message: `has ${v.length} entries; at most ${max}`,
    });
    return [];
  }
  return v as unknown[];
}

/** Whether readList would accept the value: true for a list within `max`, or for nothing. */
export const isListOrAbsent = (v: unknown, max: number): boolean =>
  v === undefined || (Array.isArray(v) && v.length <= max);
