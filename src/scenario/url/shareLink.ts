// A share link's fragment: `v1.` then the run's JSON payload, compressed with raw DEFLATE and
// written in base64url. The fragment never reaches a server. Decoding never throws: a cut,
// damaged, oversized or foreign fragment comes back as a problem written for the person who
// clicked the link. docs/url-format.md is the format's reference.

import { decodeBase64Url, encodeBase64Url } from "./base64url.ts";
import { inflateRaw } from "./inflate.ts";
import {
  LINK_LIMITS,
  readPayload,
  toPayload,
  type ReadRunResult,
  type RunProblem,
  type SharedRun,
} from "./sharedRun.ts";

/** The link format this Brokerlab writes and reads. */
export const LINK_VERSION = 1;

const PREFIX = /^v(\d{1,9})\./;

const fail = (kind: RunProblem["kind"], message: string): ReadRunResult => ({
  ok: false,
  problem: { kind, message, details: [] },
});

/** Reads a share link's fragment (`#v1.…`, with or without the `#`). */
export function decodeShareLink(fragment: string): ReadRunResult {
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (text.length > LINK_LIMITS.encodedChars + 20)
    return fail(
      "tooLarge",
      `This link is too long to open: ${text.length.toLocaleString("en")} characters, where a share link has at most ${LINK_LIMITS.encodedChars.toLocaleString("en")}.`,
    );
  const m = PREFIX.exec(text);
  if (!m)
    return fail(
      "notALink",
      "The part of this address after “#” is not a Brokerlab share link (a share link starts with “#v1.”).",
    );
  const version = Number(m[1]);
  if (version > LINK_VERSION)
    return fail(
      "newerVersion",
      `This link was made with a newer Brokerlab (link version ${version}); this one reads links up to version ${LINK_VERSION}. Open it in the Brokerlab that made it.`,
    );
  if (version < 1)
    return fail("unknownVersion", `This link has version ${version}, which no Brokerlab writes.`);
  // Migrations from older link versions go here (1 is the first).

  const bytes = decodeBase64Url(text.slice(m[0].length));
  if (!bytes.ok)
    return bytes.reason === "badLength"
      ? fail("truncated", cutShort)
      : fail(
          "damaged",
          `This link is damaged: it contains ${JSON.stringify(bytes.character)} (at character ${bytes.position + m[0].length + 1} after the “#”), which a share link never has. The program it came through may have changed it: copy the link again.`,
        );
  const inflated = inflateRaw(bytes.bytes, LINK_LIMITS.decodedBytes);
  if (!inflated.ok) {
    if (inflated.reason === "truncated") return fail("truncated", cutShort);
    if (inflated.reason === "tooLarge")
      return fail(
        "tooLarge",
        `This link unpacks to more than ${LINK_LIMITS.decodedBytes / 1024 / 1024} MB, more than any classroom run needs, so it was not opened.`,
      );
    return fail(
      "damaged",
      "This link is damaged: its packed data cannot be read. Copy the link again.",
    );
  }
  let json: string;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail("damaged", "This link is damaged: it unpacks to something that is not text.");
  }
  return readRunJson(json, "this link");
}

const cutShort =
  "This link is cut short: its data ends in the middle. Copy the whole link again (some programs cut long links).";

/** Reads the payload's JSON text (a link's, or the autosaved sandbox's). */
export function readRunJson(json: string, source = "this run"): ReadRunResult {
  if (json.length > LINK_LIMITS.decodedBytes)
    return fail(
      "tooLarge",
      `This run is larger than ${LINK_LIMITS.decodedBytes / 1024 / 1024} MB.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : "unreadable";
    return fail("notJson", `The data in ${source} is not valid JSON (${why}).`);
  }
  return readPayload(value, source);
}

export type EncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

/** The payload's JSON text, for the autosave (no compression needed there). */
export function runJson(
  run: SharedRun,
): { ok: true; json: string } | { ok: false; message: string } {
  const p = toPayload(run);
  return p.ok ? { ok: true, json: JSON.stringify(p.payload) } : p;
}

/** Compresses with the platform's raw DEFLATE (browsers, Node 20+). */
async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The fragment (without `#`) of a link that reopens `run` at the same moment. */
export async function encodeShareLink(run: SharedRun): Promise<EncodeResult> {
  const json = runJson(run);
  if (!json.ok) return { ok: false, message: `This run cannot be shared: ${json.message}.` };
  let packed: Uint8Array;
  try {
    packed = await deflateRaw(new TextEncoder().encode(json.json));
  } catch (e) {
    const why = e instanceof Error ? e.message : "unknown";
    return { ok: false, message: `This browser could not compress the link (${why}).` };
  }
  const body = encodeBase64Url(packed);
  if (body.length > LINK_LIMITS.encodedChars)
    return {
      ok: false,
      message: `This run is too large for a link (${body.length.toLocaleString("en")} characters). Export the scenario as a file instead.`,
    };
  return { ok: true, fragment: `v${LINK_VERSION}.${body}` };
}
