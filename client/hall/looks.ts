import type { Choice } from "../../shared/engine/actions.ts";
import type { GameModel } from "../model.ts";
import { groupsOf, OTHER_COLOUR } from "./palette.ts";

/** How one seat of the hall looks now: everything the scene draws, decided here, away from Phaser. */
export interface SeatLook {
  id: string;
  name: string;
  colour: number;
  /** At the conference at all. */
  present: boolean;
  /** In the room (not walked out). */
  inRoom: boolean;
  /** This ballot's light: a choice, "cast" for a secret ballot's unknown choice, or null. */
  vote: Choice | "cast" | null;
  placard: "for" | "against" | null;
  speaking: boolean;
  me: boolean;
  /** Played by people (live games). */
  people: boolean;
  objecting: boolean;
  signature: "" | "signed" | "declined";
}

export function seatLooks(model: GameModel): Map<string, SeatLook> {
  const { view, scenario } = model;
  const { groups, groupOf } = groupsOf(scenario);
  const colour = new Map(groups.map((g) => [g.id, g.colour]));
  const ballot = view.ballot;
  const revealed = ballot && model.revealed?.[ballot.id];
  const objecting = new Set<string>();
  const question = view.consensus?.target ?? view.queue[0];
  if (question) for (const id of Object.keys(view.targets[question]?.objections ?? {})) objecting.add(id);
  const voted = new Set(ballot?.voted ?? []);
  const looks = new Map<string, SeatLook>();
  for (const d of scenario.delegations) {
    let vote: SeatLook["vote"] = null;
    if (ballot) {
      const shown = ballot.choices[d.id] ?? revealed?.find((c) => c.voter === d.id)?.choice ?? undefined;
      if (shown) vote = shown;
      else if (voted.has(d.id)) vote = "cast";
    }
    const sig = view.signatures[d.id];
    looks.set(d.id, {
      id: d.id,
      name: d.name,
      colour: colour.get(groupOf(d.id)) ?? OTHER_COLOUR,
      present: d.present,
      inRoom: d.present && view.walkedOut[d.id] === undefined,
      vote,
      placard: view.temperature?.placards[d.id] ?? null,
      speaking: view.floor.holder === d.id,
      me: model.me.seat === d.id,
      people: model.seats[d.id]?.control === "human",
      objecting: objecting.has(d.id),
      signature: sig ? (sig.signed ? "signed" : "declined") : "",
    });
  }
  return looks;
}
