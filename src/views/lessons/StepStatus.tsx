import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import {
  intendedCommand,
  type Command,
  type LessonPlayerApi,
  type ServicesUserAction,
  type Step,
  type StepBaseline,
} from "../../store/index.ts";

/** What the step waits for, each item ticked as it becomes true, with what is measured now. */
export function StepStatus({
  player,
  stepIndex,
  waitingForGuess,
}: {
  player: LessonPlayerApi;
  stepIndex: number;
  waitingForGuess: boolean;
}) {
  const { lesson, complete, baseline } = useStore(
    player,
    useShallow((p) => ({
      lesson: p.lesson,
      complete: p.complete[stepIndex] === true,
      baseline: p.baseline,
    })),
  );
  const step = lesson.steps[stepIndex]!;
  // Recomputed on every change of the run; the strings keep re-renders to real changes.
  const items = useStore(
    player,
    useShallow((p) =>
      p.status(stepIndex).map((item) => {
        const words = item.action ? actionWords(step.action!, baseline) : item.text;
        const now = !item.met && item.now !== null ? ` (now ${Math.round(item.now)})` : "";
        return `${item.met ? "✓" : "○"}|${words}${now}`;
      }),
    ),
  );
  if (complete)
    return (
      <p className="step-status step-done" role="status">
        ✓ Step complete.
      </p>
    );
  return (
    <div className="step-status" id="step-waiting">
      <p className="muted" aria-live="polite">
        {complete
          ? "Step complete."
          : waitingForGuess
            ? "First, your prediction."
            : "Waiting until:"}
      </p>
      <ul>
        {items.map((item) => {
          const [mark, text] = item.split("|") as [string, string];
          return (
            <li key={text} className={mark === "✓" ? "met" : undefined}>
              <span aria-hidden="true">{mark}</span>{" "}
              <span className="sr-only">{mark === "✓" ? "done: " : "not yet: "}</span>
              {text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const SERVICES_VERBS: Record<ServicesUserAction["type"], string> = {
  stopReceiver: "take the receiver down",
  startReceiver: "bring the receiver back",
  slowReceiver: "slow the receiver down",
  addReceiver: "add a receiver",
  setRate: "change the rate",
  stopBroker: "stop the broker",
  startBroker: "restart the broker",
  choosePreset: "switch the situation",
};

const BROKER_VERBS: Partial<Record<Command["type"], string>> = {
  killBroker: "kill",
  restartBroker: "restart",
  shutdownBroker: "shut down",
  isolateBroker: "isolate",
  healBroker: "heal",
  slowBroker: "slow down",
};

function actionWords(action: Step["action"] & object, base: StepBaseline): string {
  if (action.label) return `you press “${action.label}”`;
  if ("services" in action) return `you ${SERVICES_VERBS[action.services.type]}`;
  const c = intendedCommand(action, base);
  const verb = BROKER_VERBS[c.type];
  if (verb && "broker" in c)
    return `you ${verb} broker ${String(c.broker)} (its button is on its card)`;
  return `you issue ${c.type}`;
}
