// The situation's lesson: the question and what to watch above the sides, the explanation below.

import { useServices } from "./ServicesContext.tsx";

export function LessonText({ part }: { part: "intro" | "body" }) {
  const preset = useServices((s) => s.run.preset);
  if (part === "intro")
    return (
      <section className="before-intro" aria-label="The question">
        <h2>{preset.title}</h2>
        <p className="before-question">{preset.question}</p>
        <p className="before-watch">
          <strong>Watch:</strong> {preset.watch}
        </p>
      </section>
    );
  return (
    <section className="before-lesson" aria-labelledby="before-lesson-title">
      <h2 id="before-lesson-title">What this shows</h2>
      {preset.lesson.map((p) => (
        <p key={p.slice(0, 40)}>{p}</p>
      ))}
    </section>
  );
}
