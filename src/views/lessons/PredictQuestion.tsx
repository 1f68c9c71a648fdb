import type { Predict } from "../../store/index.ts";

/**
 * A question answered before the result is seen: the choices are buttons until one is
 * picked; the verdict and the explanation appear once the step's result is there.
 */
export function PredictQuestion({
  predict,
  answer,
  revealed,
  onAnswer,
}: {
  predict: Predict;
  answer: number | null;
  revealed: boolean;
  onAnswer: ((choice: number) => void) | undefined;
}) {
  const picked = answer === null ? undefined : predict.choices[answer];
  if (picked && revealed) {
    // The result is on screen: the question shrinks to the guess, the verdict and why.
    const right = predict.choices.filter((c) => c.correct).map((c) => c.text);
    return (
      <div
        role="status"
        className={picked.correct ? "feedback feedback-right" : "feedback feedback-wrong"}
      >
        <p className="muted">{predict.question}</p>
        <p>
          <strong>{picked.correct ? "You were right:" : "Not quite."}</strong>{" "}
          {picked.correct
            ? picked.text
            : `You said: ${picked.text} The answer: ${right.join(" / ")}`}
        </p>
        <p>{predict.explanation}</p>
      </div>
    );
  }
  return (
    <fieldset className="predict">
      <legend>Predict: {predict.question}</legend>
      <ul>
        {predict.choices.map((c, k) => (
          <li key={c.text}>
            <button
              type="button"
              className={`choice${k === answer ? " choice-picked" : ""}`}
              aria-pressed={k === answer}
              disabled={answer !== null || onAnswer === undefined}
              onClick={() => onAnswer?.(k)}
            >
              {c.text}
            </button>
          </li>
        ))}
      </ul>
      {answer === null && onAnswer && (
        <p className="muted">Choose an answer: the simulation waits for your guess.</p>
      )}
      {picked && <p className="muted">Noted. Now see what happens.</p>}
    </fieldset>
  );
}
