import { useId, useState } from "react";
import {
  challengeStars,
  checkChallenge,
  type Challenge,
  type ChallengeOutcome,
  type Lesson,
  type ParameterValues,
  type ProgressStoreApi,
} from "../../store/index.ts";
import { Stars } from "./Stars.tsx";
import { useProgress } from "./useProgress.ts";

const initialValues = (c: Challenge): ParameterValues =>
  Object.fromEntries(c.parameters.map((p) => [p.id, p.initial]));

/** The chapter's challenge: set the knobs, and the engine runs them under the fault plans. */
export function ChallengePanel({
  lesson,
  challenge,
  progress,
  onWatch,
}: {
  lesson: Lesson;
  challenge: Challenge;
  progress: ProgressStoreApi;
  /** Shows the answer's run under one fault plan in the simulator. */
  onWatch: (values: ParameterValues, planIndex: number, title: string) => void;
}) {
  const [values, setValues] = useState<ParameterValues>(() => initialValues(challenge));
  const [outcome, setOutcome] = useState<ChallengeOutcome | null>(null);
  const [checking, setChecking] = useState(false);
  const [showHint, setShowHint] = useState(false);
  const [showSolution, setShowSolution] = useState(false);
  const [failed, setFailed] = useState(0);
  const saved = useProgress(progress, (s) => s.progress.lessons[lesson.id]?.challenge);
  const idBase = useId();

  const record = (passed: boolean, stars: number): void =>
    progress.getState().update(lesson.id, (l) => {
      const before = l.challenge;
      return {
        ...l,
        challenge: {
          passed: passed || (before?.passed ?? false),
          stars: Math.max(stars, before?.stars ?? 0),
          attempts: (before?.attempts ?? 0) + 1,
          hintUsed: showHint || (before?.hintUsed ?? false),
          solutionShown: showSolution || (before?.solutionShown ?? false),
        },
      };
    });

  const check = (): void => {
    setChecking(true);
    setOutcome(null);
    // Let the "Checking…" state paint before the runs, which take a moment.
    window.setTimeout(() => {
      const result = checkChallenge(challenge, values);
      setOutcome(result);
      setChecking(false);
      if (result.kind !== "ran") return;
      const stars = result.passed
        ? challengeStars({
            hintUsed: showHint,
            solutionShown: showSolution,
            failedAttempts: failed,
            cost: result.cost,
            ...(challenge.bestCost === undefined ? {} : { bestCost: challenge.bestCost }),
          })
        : 0;
      if (!result.passed) setFailed((f) => f + 1);
      record(result.passed, stars);
    }, 20);
  };

  const passedNow = outcome?.kind === "ran" && outcome.passed;
  const stars =
    passedNow && outcome.kind === "ran"
      ? challengeStars({
          hintUsed: showHint,
          solutionShown: showSolution,
          failedAttempts: failed,
          cost: outcome.cost,
          ...(challenge.bestCost === undefined ? {} : { bestCost: challenge.bestCost }),
        })
      : 0;

  return (
    <section className="challenge" aria-labelledby={`${idBase}-title`}>
      <h3 id={`${idBase}-title`}>Challenge: {challenge.title}</h3>
      {saved?.passed && outcome === null && (
        <p className="muted">
          Passed before: <Stars count={saved.stars} />
        </p>
      )}
      <p>{challenge.goal}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        {challenge.parameters.map((p) => (
          <label key={p.id} className="challenge-param">
            <span>{p.label}</span>
            <select
              value={String(values[p.id])}
              onChange={(e) => {
                const v = p.choices.find((c) => String(c) === e.target.value);
                if (v !== undefined) setValues({ ...values, [p.id]: v });
              }}
            >
              {p.choices.map((c) => (
                <option key={String(c)} value={String(c)}>
                  {String(c)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <div className="challenge-buttons">
          <button type="submit" className="primary" disabled={checking}>
            {checking ? "Checking…" : "Check my answer"}
          </button>
          <button type="button" onClick={() => setShowHint(true)} disabled={showHint}>
            Show a hint
          </button>
          <button type="button" onClick={() => setShowSolution(true)} disabled={showSolution}>
            Show the solution
          </button>
        </div>
      </form>
      {showHint && <p className="challenge-hint">Hint: {challenge.hint}</p>}
      {showSolution && (
        <p className="challenge-hint">
          Solution:{" "}
          {challenge.parameters
            .map((p) => `${p.label} = ${String(challenge.solution[p.id])}`)
            .join("; ")}
          . {challenge.explanation}
        </p>
      )}
      <div aria-live="polite">
        {outcome?.kind === "invalid" && (
          <div role="alert" className="error-banner">
            <p>This configuration is not a valid cluster:</p>
            <ul>
              {outcome.problems.slice(0, 5).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.kind === "ran" && (
          <div className={outcome.passed ? "feedback feedback-right" : "feedback feedback-wrong"}>
            <p>
              <strong>{outcome.passed ? "Goal reached." : "Not yet."}</strong>{" "}
              {outcome.passed && (
                <>
                  <Stars count={stars} />
                  {challenge.bestCost !== undefined &&
                    ` Cost ${outcome.cost} (the cheapest answer costs ${challenge.bestCost}).`}
                </>
              )}
            </p>
            <ul className="challenge-runs">
              {outcome.runs.map((r, k) => (
                <li key={r.plan}>
                  {r.passed ? "✓" : "✗"} {r.plan || "the run"}
                  {r.failures.length > 0 && `: ${r.failures.join("; ")}`}{" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onWatch(values, k, r.plan || challenge.title)}
                  >
                    Watch this run
                  </button>
                </li>
              ))}
            </ul>
            {outcome.passed && !showSolution && <p>{challenge.explanation}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
