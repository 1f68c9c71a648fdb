// The chapters for the lesson player: every lesson of the course, and any that failed to read
// (which the chapter list names instead of hiding).

import { loadLessons, type Lesson } from "../scenario/index.ts";

export function lessonCatalog(): {
  lessons: Lesson[];
  broken: { id: string; problems: string[] }[];
} {
  return loadLessons();
}
