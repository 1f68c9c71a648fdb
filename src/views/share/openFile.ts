// Reading a scenario file the user picked or dropped. A file that does not open leaves the
// current run as it is and says why, with the validator's lines (paths, "did you mean").

import { openScenarioText, type Scenario, type SimStoreApi } from "../../store/index.ts";
import type { Notice } from "./currentRun.ts";

/** Larger than any classroom scenario; a bigger file is refused before it is read. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type FileOpened =
  { ok: true; store: SimStoreApi; scenario: Scenario } | { ok: false; notice: Notice };

const problem = (message: string, details: string[] = []): FileOpened => ({
  ok: false,
  notice: {
    tone: "error",
    message: `${message} What you had open is still here.`,
    details,
    actions: [],
  },
});

export async function openScenarioFile(file: File): Promise<FileOpened> {
  if (file.size > MAX_FILE_BYTES)
    return problem(
      `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB: a scenario file is at most 2 MB.`,
    );
  let text: string;
  try {
    text = await file.text();
  } catch {
    return problem(`“${file.name}” could not be read.`);
  }
  const opened = openScenarioText(text);
  if (!opened.ok)
    return problem(`“${file.name}” is not a scenario this Brokerlab can open.`, opened.errors);
  return opened;
}
