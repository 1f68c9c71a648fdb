import { useEffect, useState } from "react";
import { lessonCatalog } from "../../store/index.ts";
import { ChapterList } from "./ChapterList.tsx";
import { LessonView } from "./LessonView.tsx";
import { useProgressStore } from "./useProgress.ts";
import "./lessons.css";

const lessonFromUrl = (): string | null =>
  new URLSearchParams(window.location.search).get("lesson");

/** The course: the chapter list, or one chapter's lesson (`?page=lessons&lesson=<id>`). */
export function LessonsPage() {
  const progress = useProgressStore();
  const [lessonId, setLessonId] = useState(lessonFromUrl);
  const { lessons, broken } = lessonCatalog();

  useEffect(() => {
    const onPop = (): void => setLessonId(lessonFromUrl());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const open = (id: string | null): void => {
    const url = new URL(window.location.href);
    if (id === null) url.searchParams.delete("lesson");
    else url.searchParams.set("lesson", id);
    url.hash = "";
    window.history.pushState(null, "", url);
    setLessonId(id);
    window.scrollTo(0, 0);
  };

  const index = lessons.findIndex((l) => l.id === lessonId);
  const lesson = index >= 0 ? lessons[index] : undefined;
  return (
    <main className="lessons-page">
      {lessonId !== null && !lesson && (
        <p role="alert" className="error-banner">
          There is no lesson called “{lessonId.slice(0, 60)}”. Pick a chapter below.
        </p>
      )}
      {lesson ? (
        <LessonView
          key={lesson.id}
          lesson={lesson}
          next={lessons[index + 1] ?? null}
          progress={progress}
          onOpen={open}
        />
      ) : (
        <ChapterList lessons={lessons} broken={broken} progress={progress} onOpen={open} />
      )}
    </main>
  );
}
