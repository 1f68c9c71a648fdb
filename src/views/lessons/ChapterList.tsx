import type { Lesson, LessonProgress, ProgressStoreApi } from "../../store/index.ts";
import { ProgressFile } from "./ProgressFile.tsx";
import { Stars } from "./Stars.tsx";
import { useProgress } from "./useProgress.ts";

/** The first chapter past the course notes: the rest go beyond them. */
const FIRST_BEYOND_THE_NOTES = 18;

function status(lesson: Lesson, p: LessonProgress | undefined): string {
  if (!p || p.stepsDone === 0) return "not started";
  if (p.finished) return "done";
  return `${p.stepsDone} of ${lesson.steps.length} steps`;
}

function Chapter({
  lesson,
  p,
  onOpen,
}: {
  lesson: Lesson;
  p: LessonProgress | undefined;
  onOpen: (id: string) => void;
}) {
  const done = p?.finished === true;
  const state = status(lesson, p);
  return (
    <li className={`chapter${done ? " chapter-done" : ""}`}>
      <a
        href={`?page=lessons&lesson=${lesson.id}`}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey) return;
          e.preventDefault();
          onOpen(lesson.id);
        }}
      >
        <span className="chapter-number" aria-hidden="true">
          {done ? "✓" : lesson.chapter}
        </span>
        <span className="chapter-title">
          <span className="sr-only">Chapter {lesson.chapter}: </span>
          {lesson.title}
        </span>
        <span className="chapter-status">
          {state}
          {lesson.challenge &&
            (p?.challenge?.passed ? (
              <>
                {" · challenge "}
                <Stars count={p.challenge.stars} />
              </>
            ) : (
              " · challenge"
            ))}
        </span>
      </a>
      <p className="chapter-summary">{lesson.summary}</p>
    </li>
  );
}

export function ChapterList({
  lessons,
  broken,
  progress,
  onOpen,
}: {
  lessons: Lesson[];
  broken: { id: string; problems: string[] }[];
  progress: ProgressStoreApi;
  onOpen: (id: string) => void;
}) {
  const saved = useProgress(progress, (s) => s.progress.lessons);
  const notice = useProgress(progress, (s) => s.notice);
  const done = lessons.filter((l) => saved[l.id]?.finished).length;
  const parts = [
    {
      title: "From the course notes",
      lessons: lessons.filter((l) => l.chapter < FIRST_BEYOND_THE_NOTES),
    },
    {
      title: "Beyond the notes",
      lessons: lessons.filter((l) => l.chapter >= FIRST_BEYOND_THE_NOTES),
    },
  ];
  return (
    <section className="chapter-list" aria-labelledby="lessons-heading">
      <div className="chapter-list-head">
        <div>
          <h2 id="lessons-heading">Lessons</h2>
          <p className="muted">
            {done} of {lessons.length} chapters done. Each chapter runs a small cluster beside its
            steps; some end with a challenge the simulator checks.
          </p>
        </div>
        <ProgressFile progress={progress} />
      </div>
      {notice && (
        <p role="status" className="error-banner">
          {notice}
        </p>
      )}
      {broken.length > 0 && (
        <div role="alert" className="error-banner">
          {broken.map((b) => (
            <p key={b.id}>
              The lesson “{b.id}” could not be read: {b.problems.slice(0, 3).join("; ")}
            </p>
          ))}
        </div>
      )}
      {parts.map((part) =>
        part.lessons.length === 0 ? null : (
          <section key={part.title} aria-label={part.title}>
            <h3>{part.title}</h3>
            <ol className="chapters">
              {part.lessons.map((l) => (
                <Chapter key={l.id} lesson={l} p={saved[l.id]} onOpen={onOpen} />
              ))}
            </ol>
          </section>
        ),
      )}
    </section>
  );
}
