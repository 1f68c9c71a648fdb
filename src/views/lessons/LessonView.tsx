import { useEffect, useRef, useState } from "react";
import {
  createLessonPlayer,
  openChallengeRun,
  type Lesson,
  type ParameterValues,
  type LessonPlayerApi,
  type ProgressStoreApi,
  type SimStoreApi,
} from "../../store/index.ts";
import { Simulator } from "../Simulator.tsx";
import { ChallengePanel } from "./ChallengePanel.tsx";
import { HighlightLayer } from "./HighlightLayer.tsx";
import { ServicesStage } from "./ServicesStage.tsx";
import { StepPanel } from "./StepPanel.tsx";

/** One chapter: its steps beside the simulator running its scenario. */
export function LessonView({
  lesson,
  next,
  progress,
  onOpen,
}: {
  lesson: Lesson;
  next: Lesson | null;
  progress: ProgressStoreApi;
  onOpen: (id: string | null) => void;
}) {
  const [made] = useState(() => createLessonPlayer(lesson, progress));
  const stage = useRef<HTMLDivElement>(null);
  const [watching, setWatching] = useState<{ store: SimStoreApi; title: string; n: number } | null>(
    null,
  );
  const [watchError, setWatchError] = useState<string | null>(null);
  const watch = (values: ParameterValues, planIndex: number, title: string): void => {
    if (!lesson.challenge) return;
    const opened = openChallengeRun(lesson.challenge, values, planIndex);
    if (!opened.ok) {
      setWatchError(opened.errors.join(" "));
      return;
    }
    // Land at the end of the run the check made; the timeline scrubs back through it.
    opened.store.getState().seek(lesson.challenge.until);
    setWatchError(null);
    setWatching({ store: opened.store, title, n: (watching?.n ?? 0) + 1 });
    stage.current?.scrollIntoView({ block: "start" });
  };
  useEffect(() => {
    if (!made.ok) return;
    const p = made.player.getState();
    p.connect();
    return () => p.dispose();
  }, [made]);

  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <header className="lesson-head">
        <a
          href="?page=lessons"
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey) return;
            e.preventDefault();
            onOpen(null);
          }}
        >
          ← All chapters
        </a>
        <h2 id="lesson-title">
          <span className="muted">Chapter {lesson.chapter} · </span>
          {lesson.title}
        </h2>
        {lesson.seeAlso && (
          <a className="see-also" href={seeAlsoHref(lesson.seeAlso)}>
            {lesson.seeAlso.label}
          </a>
        )}
      </header>
      {made.ok ? (
        <div className="lesson-body">
          <div className="lesson-side">
            <StepPanel player={made.player} next={next} onOpen={onOpen} />
            {lesson.challenge && (
              <ChallengePanel
                lesson={lesson}
                challenge={lesson.challenge}
                progress={progress}
                onWatch={watch}
              />
            )}
          </div>
          <div className="lesson-stage" ref={stage}>
            {watchError && (
              <p role="alert" className="error-banner">
                {watchError}
              </p>
            )}
            {watching && (
              <div className="watching" role="status">
                <span>
                  Your answer under “{watching.title}”, run to its end: scrub the timeline to see
                  how it went.
                </span>
                <button type="button" onClick={() => setWatching(null)}>
                  Back to the lesson
                </button>
              </div>
            )}
            {watching ? (
              <Simulator key={`watch-${watching.n}`} store={watching.store} />
            ) : (
              <>
                <LessonPicture player={made.player} />
                <HighlightLayer player={made.player} container={stage} />
              </>
            )}
          </div>
        </div>
      ) : (
        <p role="alert" className="error-banner">
          This lesson's scenario could not start: {made.errors.join(" ")}
        </p>
      )}
    </article>
  );
}

/** What the lesson runs on: the Kafka simulator, or the services comparison. */
function LessonPicture({ player }: { player: LessonPlayerApi }) {
  const { sim, services } = player.getState();
  if (sim) return <Simulator key="lesson" store={sim} />;
  if (services) return <ServicesStage store={services} />;
  return null;
}

/** The address of a lesson's link to another page (and a comparison there). */
function seeAlsoHref(see: { page: string; preset?: string }): string {
  const params = new URLSearchParams({ page: see.page });
  if (see.preset !== undefined) params.set("preset", see.preset);
  return `?${params.toString()}`;
}
