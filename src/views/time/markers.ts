import { explain, type SimEvent, type TimedCommand } from "../../store/index.ts";
import { commandLabel } from "./commandLabel.ts";

export type MarkerKind = "fault" | "election" | "rebalance" | "loss" | "command";

export interface Marker {
  time: number;
  kind: MarkerKind;
  label: string;
}

/** The moments worth finding again, and what each is drawn as. */
const MARKED: Partial<Record<SimEvent["type"], MarkerKind>> = {
  brokerKilled: "fault",
  brokerIsolated: "fault",
  brokerShutDown: "fault",
  controllerLost: "fault",
  leaderElected: "election",
  partitionOffline: "loss",
  recordsLost: "loss",
  rebalanceStarted: "rebalance",
};

/** Enough to see a run's story; older marks give way to newer ones. */
export const MAX_MARKERS = 200;

export const MARKER_NAMES: Record<MarkerKind, string> = {
  fault: "a fault (crash, isolation, shutdown)",
  election: "a leader election",
  rebalance: "a consumer group rebalance",
  loss: "lost records or an offline partition",
  command: "a command you gave, at its virtual time",
};

type EventMark = Marker & { more: number };

/** Adds the marks of `history` from index `from` to `marks`, keeping the newest MAX_MARKERS. */
function addEventMarks(marks: EventMark[], history: readonly SimEvent[], from: number): void {
  for (let i = from; i < history.length; i++) {
    const e = history[i]!;
    const kind = MARKED[e.type];
    // The initial leaders are not news.
    if (!kind || (e.type === "leaderElected" && e.election === "initial")) continue;
    const last = marks[marks.length - 1];
    // One mark per kind and moment: a fault often elects many leaders at once.
    if (last && last.time === e.time && last.kind === kind) last.more++;
    else marks.push({ time: e.time, kind, label: explain(e), more: 0 });
  }
  if (marks.length > MAX_MARKERS) marks.splice(0, marks.length - MAX_MARKERS);
}

function merge(marks: readonly EventMark[], commands: readonly TimedCommand[]): Marker[] {
  const given = commands.slice(-MAX_MARKERS).map((c) => ({
    time: c.at,
    kind: "command" as const,
    label: `You: ${commandLabel(c.command)}.`,
  }));
  const seen = marks.map(({ time, kind, label, more }) => ({
    time,
    kind,
    label: more > 0 ? `${label} (and ${more} more)` : label,
  }));
  return [...seen, ...given].sort((a, b) => a.time - b.time);
}

/** Marks from the run's notable events and the user's commands, in time order. */
export function markers(history: readonly SimEvent[], commands: readonly TimedCommand[]): Marker[] {
  const marks: EventMark[] = [];
  addEventMarks(marks, history, 0);
  return merge(marks, commands);
}

/**
 * The same marks, kept up to date as the history grows: the history only grows at its end
 * (its oldest events may be dropped) or is cut by a fork, so only the new events are read,
 * not the whole history on every frame. Returns the previous array when nothing changed.
 */
export function markerTracker(): (
  history: readonly SimEvent[],
  commands: readonly TimedCommand[],
) => Marker[] {
  let marks: EventMark[] = [];
  let lastRead: SimEvent | undefined;
  let lastCommands: readonly TimedCommand[] | null = null;
  let lastCommandCount = -1;
  let lastCommand: TimedCommand | undefined;
  let result: Marker[] = [];
  return (history, commands) => {
    // Where the previous read ended; searched from the end, where it almost always is.
    const at = lastRead === undefined ? -1 : history.lastIndexOf(lastRead);
    const grew = at < history.length - 1;
    if (at < 0 && lastRead !== undefined) {
      // The events read before are gone (a fork cut them): read again from the start.
      marks = [];
      addEventMarks(marks, history, 0);
    } else if (grew) addEventMarks(marks, history, at + 1);
    const cut = at < 0 && lastRead !== undefined;
    lastRead = history[history.length - 1];
    const commandsChanged =
      commands !== lastCommands ||
      commands.length !== lastCommandCount ||
      commands[commands.length - 1] !== lastCommand;
    lastCommands = commands;
    lastCommandCount = commands.length;
    lastCommand = commands[commands.length - 1];
    if (grew || cut || commandsChanged) {
      const next = merge(marks, commands);
      const same =
        next.length === result.length &&
        next.every((m, i) => {
          const r = result[i]!;
          return m.time === r.time && m.kind === r.kind && m.label === r.label;
        });
      if (!same) result = next;
    }
    return result;
  };
}
