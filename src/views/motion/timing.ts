// How long the overlay's short-lived marks last. They are meant to be seen for about a second
// of the viewer's time, but they are placed in virtual time (so a pause freezes them and a seek
// recomputes them): a wall duration times the speed, capped so 100x still shows a flash.

/** A completed hop glows on its path for this long. */
export const HOP_GLOW_WALL_MS = 350;
/** An election, an ISR shrink, a truncation or a loss is animated over this long. */
export const EFFECT_WALL_MS = 900;

export const hopWindow = (speed: number): number => Math.min(HOP_GLOW_WALL_MS * speed, 4_000);
export const effectWindow = (speed: number): number => Math.min(EFFECT_WALL_MS * speed, 15_000);

/** The compact view's flows are averaged over this much virtual time. */
export const THROUGHPUT_WINDOW_MS = 1_000;
