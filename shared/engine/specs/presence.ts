import { note, reject } from "../context.ts";
import { edit } from "../draft.ts";
import { delegationName } from "./guards.ts";
import type { Spec } from "./spec.ts";

const ALL_OPEN = ["opening", "debate", "decision", "final_acts"] as const;

export const walk_out: Spec<"walk_out"> = {
  seat: "delegation",
  phases: ALL_OPEN,
  inSuspension: true,
  check: () => null,
  reduce(c, _a, by) {
    edit(c, "walkedOut")[by] = c.seq;
    const floor = edit(c, "floor");
    floor.speakers = floor.speakers.filter((d) => d !== by);
    if (floor.holder === by) floor.holder = null;
    // Objections lapse when their author leaves the room; placards go with it.
    const lapsed: string[] = [];
    for (const [id, t] of Object.entries(c.s.targets)) {
      if (t.objections[by] !== undefined) {
        delete edit(c, "targets", id, "objections")[by];
        lapsed.push(id);
      }
    }
    if (c.s.temperature?.placards[by] !== undefined) delete edit(c, "temperature", "placards")[by];
    note(c, "walkout", by, `${delegationName(c, by)} walks out of the room${lapsed.length ? ` (its objections to ${lapsed.join(", ")} lapse)` : ""}`);
  },
  candidates: () => [{ type: "walk_out" }],
};

export const return_: Spec<"return"> = {
  seat: "delegation",
  phases: ALL_OPEN,
  inBallot: true,
  inSuspension: true,
  whenOut: true,
  check: (q, _a, by) => (q.s.walkedOut[by] === undefined ? reject("presence/not-out", `${delegationName(q, by)} is in the room.`) : null),
  reduce(c, _a, by) {
    delete edit(c, "walkedOut")[by];
    note(c, "return", by, `${delegationName(c, by)} returns to the room`);
  },
  candidates: () => [{ type: "return" }],
};
