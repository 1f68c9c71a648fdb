import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { Lesson, LessonPlayerApi } from "../../store/index.ts";
import { PredictQuestion } from "./PredictQuestion.tsx";
import { StepStatus } from "./StepStatus.tsx";

/** The teacher's side: the step's words, its question, its action, what it waits for. */
export function StepPanel({
  player,
  next,
  onOpen,
}: {
  player: LessonPlayerApi;
  next: Lesson | null;
  onOpen: (id: string | null) => void;
}) {
  const s = useStore(
    player,
    useShallow((p) => ({
      lesson: p.lesson,
      stepIndex: p.stepIndex,
      reached: p.reached,
      complete: p.complete,
      answers: p.answers,
      finished: p.finished,
    })),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A new step takes the focus to its heading, so the next Tab reaches its controls.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [s.stepIndex, s.finished]);

  const { lesson, stepIndex: i } = s;
  const step = lesson.steps[i]!;
  const n = lesson.steps.length;
  const current = i === s.reached;
  const done = s.complete[i] === true;
  const answer = s.answers[i] ?? null;
  const waitingForGuess = step.predict !== undefined && answer === null && current;
  const reading = !step.action && step.until.length === 0;
  const canGoOn = done || reading || i < s.reached;
  const p = player.getState();

  if (s.finished && i === n - 1)
    return (
      <section className="step-panel" aria-labelledby="step-heading">
        <h3 id="step-heading" ref={heading} tabIndex={-1}>
          Chapter {lesson.chapter} complete
        </h3>
        <p>{lesson.summary}</p>
        <div className="step-nav">
          <button type="button" onClick={p.back}>
            Back
          </button>
          {next ? (
            <button type="button" className="primary" onClick={() => onOpen(next.id)}>
              Next chapter: {next.title}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => onOpen(null)}>
              All chapters
            </button>
          )}
        </div>
      </section>
    );

  return (
    <section className="step-panel" aria-labelledby="step-heading">
      <div className="step-dots" role="group" aria-label="Steps">
        {lesson.steps.map((_, k) => (
          <button
            key={k}
            type="button"
            className={`step-dot${k === i ? " step-dot-current" : ""}${s.complete[k] ? " step-dot-done" : ""}`}
            aria-label={`Step ${k + 1}${s.complete[k] ? ", done" : ""}`}
            aria-current={k === i ? "step" : undefined}
            disabled={k > s.reached}
            onClick={() => p.goTo(k)}
          >
            {s.complete[k] ? "✓" : k + 1}
          </button>
        ))}
      </div>
      <h3 id="step-heading" ref={heading} tabIndex={-1}>
        Step {i + 1} of {n}
      </h3>
      <p className="step-text">{step.text}</p>
      {step.predict && (
        <PredictQuestion
          predict={step.predict}
          answer={answer}
          revealed={done}
          onAnswer={current ? p.answer : undefined}
        />
      )}
      {step.action?.label && current && !done && (
        <button
          type="button"
          className="step-action"
          disabled={waitingForGuess}
          onClick={p.doAction}
        >
          {step.action.label}
        </button>
      )}
      {!reading && <StepStatus player={player} stepIndex={i} waitingForGuess={waitingForGuess} />}
      {done && step.after && <p className="step-after">{step.after}</p>}
      <div className="step-nav">
        <button type="button" onClick={p.back} disabled={i === 0}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={p.next}
          disabled={!canGoOn}
          aria-describedby={canGoOn ? undefined : "step-waiting"}
        >
          {i === n - 1 ? "Finish" : "Next"}
        </button>
      </div>
    </section>
  );
}
