import { emit, reject } from "../context.ts";
import { edit, editById } from "../draft.ts";
import type { Spec } from "./spec.ts";
import { delegationName } from "./guards.ts";

const TALK = ["opening", "debate", "final_acts"] as const;

export const request_floor: Spec<"request_floor"> = {
  seat: "delegation",
  phases: TALK,
  check(q, _a, by) {
    const f = q.s.floor;
    if (f.closed) return reject("floor/list-closed", "The list of speakers is closed.");
    if (f.holder === by) return reject("floor/has-floor", `${delegationName(q, by)} already has the floor.`);
    if (f.speakers.includes(by)) return reject("floor/already-listed", `${delegationName(q, by)} is already on the list of speakers.`);
    return null;
  },
  reduce(c, _a, by) {
    edit(c, "floor", "speakers").push(by);
  },
  candidates: () => [{ type: "request_floor" }],
};

export const give_floor: Spec<"give_floor"> = {
  seat: "chair",
  phases: TALK,
  beforeMotion: true,
  check(q, a) {
    if (!q.s.floor.speakers.includes(a.to)) return reject("floor/not-listed", `${delegationName(q, a.to)} has not asked for the floor.`);
    const motion = q.s.motions.find((m) => m.status === "pending");
    if (motion && motion.speakers >= 2) {
      return reject("motion/speakers-limit", `Two speakers have been heard on motion ${motion.id}; put it to the vote.`);
    }
    return null;
  },
  reduce(c, a) {
    const floor = edit(c, "floor");
    floor.speakers = floor.speakers.filter((d) => d !== a.to);
    floor.holder = a.to;
    const pending = c.s.motions.find((m) => m.status === "pending");
    const motion = pending ? editById(c, "motions", pending.id) : undefined;
    if (motion) motion.speakers += 1;
    emit(c, "floor", a.to, `${delegationName(c, a.to)} has the floor`);
  },
  candidates: (q) => q.s.floor.speakers.map((to) => ({ type: "give_floor" as const, to })),
  none: () => reject("floor/no-speakers", "Nobody is waiting for the floor."),
};

function holderCheck(q: Parameters<Spec<"speak">["check"]>[0], by: string) {
  return q.s.floor.holder === by ? null : reject("floor/not-yours", `The chair has not given ${delegationName(q, by)} the floor.`);
}

export const speak: Spec<"speak"> = {
  seat: "delegation",
  phases: TALK,
  free: ["text"],
  check: (q, _a, by) => holderCheck(q, by),
  reduce(c, a, by) {
    c.s.lastSpeech = { by, text: a.text, seq: c.seq };
    const floor = edit(c, "floor");
    floor.holder = null;
    if (!floor.spoken.includes(by)) floor.spoken = [...floor.spoken, by];
    emit(c, "speech", by, `${delegationName(c, by)}: ${a.text}`);
    // The floor is free: if the list is closed and empty, the advance pass ends the debate (flow/debate.ts).
    c.flow.floorFreed = true;
  },
  candidates: () => [{ type: "speak", text: "" }],
};

export const yield_floor: Spec<"yield_floor"> = {
  seat: "delegation",
  phases: TALK,
  check: (q, _a, by) => holderCheck(q, by),
  reduce(c) {
    edit(c, "floor").holder = null;
    c.flow.floorFreed = true;
  },
  candidates: () => [{ type: "yield_floor" }],
};

export const close_speakers_list: Spec<"close_speakers_list"> = {
  seat: "chair",
  phases: ["debate"],
  check: (q) => (q.s.floor.closed ? reject("floor/already-closed", "The list of speakers is already closed.") : null),
  reduce(c) {
    edit(c, "floor").closed = true;
    emit(c, "list_closed", null, "The list of speakers is closed");
    c.flow.floorFreed = true;
  },
  candidates: () => [{ type: "close_speakers_list" }],
};
