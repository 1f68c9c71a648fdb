// Where each party sits on a side's stage: the sender on the left, the broker (if any) in the
// middle, the receivers stacked on the right. Pure geometry, no rules.

import type { ServicesState } from "../../store/index.ts";

export interface Point {
  x: number;
  y: number;
}

export interface StageLayout {
  width: number;
  height: number;
  /** Height of one receiver's box. */
  row: number;
  at: Record<string, Point>;
}

export const STAGE_WIDTH = 440;
export const SENDER_X = 58;
export const BROKER_X = 222;
export const RECEIVER_X = 364;

export function stageLayout(state: ServicesState): StageLayout {
  const ids = state.receiverOrder;
  const row = ids.length > 6 ? 24 : ids.length > 3 ? 36 : 48;
  const height = Math.max(150, ids.length * (row + 6) + 24);
  const at: Record<string, Point> = {
    sender: { x: SENDER_X, y: height / 2 },
    broker: { x: BROKER_X, y: height / 2 },
  };
  const top = (height - ids.length * (row + 6) + 6) / 2;
  ids.forEach((id, i) => {
    at[id] = { x: RECEIVER_X, y: top + i * (row + 6) + row / 2 };
  });
  return { width: STAGE_WIDTH, height, row, at };
}
