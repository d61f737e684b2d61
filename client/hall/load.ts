import type { HallScene } from "./HallScene.ts";

type Started = { scene: HallScene; game: { destroy(removeCanvas: boolean): void } };
let loading: Promise<typeof import("./HallScene.ts")> | null = null;

/**
 * Phaser lives in its own chunk, fetched and evaluated only by the screens that draw the hall. A game page
 * asks for it first thing, so it loads while the page is joining the room; home, setup and join never pay
 * for it.
 */
export function preloadHall(): Promise<typeof import("./HallScene.ts")> {
  loading ??= import("./HallScene.ts");
  return loading;
}

/** Starts the hall in `parent` once Phaser is loaded. */
export async function startHall(parent: HTMLElement): Promise<Started> {
  const { startHall: start } = await preloadHall();
  return start(parent);
}
