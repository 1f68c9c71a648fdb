// The course: one lesson document per chapter, in the order of the course notes and then the
// topics beyond them. Each document is plain data, read by validateLesson like any lesson from
// outside would be; a test holds every one of them to it and plays each through.

import type { Lesson } from "./schema.ts";
import { validateLesson } from "./validateLesson.ts";
import { formatProblem } from "../problems.ts";
import { CHAPTERS } from "./chapters/index.ts";

export interface LessonCatalog {
  lessons: Lesson[];
  /** Lessons that did not read, with why (empty unless a document is broken). */
  broken: { id: string; problems: string[] }[];
}

let cached: LessonCatalog | null = null;

/** Every chapter, validated once and in teaching order. */
export function loadLessons(): LessonCatalog {
  if (cached) return cached;
  const lessons: Lesson[] = [];
  const broken: LessonCatalog["broken"] = [];
  for (const doc of CHAPTERS) {
    const r = validateLesson(doc);
    if (r.ok) lessons.push(r.lesson);
    else {
      const id =
        typeof (doc as { id?: unknown }).id === "string" ? (doc as { id: string }).id : "?";
      broken.push({ id, problems: r.problems.map(formatProblem) });
    }
  }
  lessons.sort((a, b) => a.chapter - b.chapter);
  cached = { lessons, broken };
  return cached;
}

/** The raw lesson documents, as written. */
export const LESSON_DOCUMENTS: readonly unknown[] = CHAPTERS;
