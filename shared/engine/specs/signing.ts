import { note, reject } from "../context.ts";
import { edit } from "../draft.ts";
import { delegationName } from "./guards.ts";
import type { Spec } from "./spec.ts";

export const sign: Spec<"sign"> = {
  seat: "delegation",
  phases: ["final_acts"],
  // A delegation that walked out may still sign.
  whenOut: true,
  check(q, a, by) {
    if (!q.ix.delegation.get(by)?.maySign) return reject("sign/not-entitled", `${delegationName(q, by)}'s credentials do not allow it to sign the Final Acts.`);
    if (q.s.signatures[by]?.signed) return reject("sign/already", `${delegationName(q, by)} has already signed; a signature cannot be undone.`);
    const reservations = a.reservations ?? [];
    if (new Set(reservations).size !== reservations.length) return reject("sign/bad-reservation", "A reservation is listed twice.");
    for (const id of reservations) {
      if (q.s.targets[id]?.status !== "adopted") {
        return reject("sign/bad-reservation", `A reservation names an adopted text; ${id} was not adopted.`);
      }
    }
    return null;
  },
  reduce(c, a, by) {
    const reservations = a.reservations ?? [];
    edit(c, "signatures")[by] = { signed: true, reservations, seq: c.seq };
    note(c, "signed", by, `${delegationName(c, by)} signs the Final Acts${reservations.length ? ` with reservations on ${reservations.join(", ")}` : ""}`);
  },
  candidates: () => [{ type: "sign" }],
};

export const decline_to_sign: Spec<"decline_to_sign"> = {
  seat: "delegation",
  phases: ["final_acts"],
  whenOut: true,
  check(q, _a, by) {
    if (!q.ix.delegation.get(by)?.maySign) return reject("sign/not-entitled", `${delegationName(q, by)}'s credentials do not allow it to sign or decline the Final Acts.`);
    const sig = q.s.signatures[by];
    if (sig?.signed) return reject("sign/already", `${delegationName(q, by)} has already signed; a signature cannot be undone.`);
    if (sig) return reject("sign/already-declined", `${delegationName(q, by)} has already declined to sign.`);
    return null;
  },
  reduce(c, _a, by) {
    edit(c, "signatures")[by] = { signed: false, seq: c.seq };
    note(c, "declined", by, `${delegationName(c, by)} declines to sign the Final Acts`);
  },
  candidates: () => [{ type: "decline_to_sign" }],
};
