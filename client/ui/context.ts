import type { Action } from "../../shared/engine/actions.ts";
import type { Answer, ChairCommand, Seen } from "../../shared/protocol/messages.ts";
import type { GameModel } from "../model.ts";
import { keep, restore } from "./formState.ts";

/** What panels may do: act as this seat, send chair commands. Replays have neither. */
export interface PanelContext {
  act?: (action: Action, seen?: Seen) => Promise<Answer>;
  chair?: (command: ChairCommand) => Promise<Answer>;
  /** Lets the person's moment go (live games). */
  pass?: () => Promise<Answer>;
  /** Starts a game waiting in its lobby (a solo player holds its chair key). */
  start?: () => Promise<Answer>;
}

/** A panel renders part of the model; it re-renders only when its own slice of it changed. */
export interface Panel {
  readonly el: HTMLElement;
  update(model: GameModel): void;
}

/**
 * Re-renders `render` into `el` only when `key(model)` changed, and carries what the user was typing, choosing
 * or had unfolded across the re-render (formState.ts): a live game sends many updates.
 */
export function keyed(el: HTMLElement, key: (m: GameModel) => string, render: (m: GameModel) => void): Panel {
  let last = "";
  return {
    el,
    update(model) {
      const k = key(model);
      if (k === last) return;
      last = k;
      const kept = keep(el);
      render(model);
      restore(el, kept);
    },
  };
}
