import { nextNumber, type Ctx } from "./context.ts";
import { edit } from "./draft.ts";
import type { Ruling } from "./state.ts";

/** Every chair action ends the window in which its earlier rulings could be appealed. */
export function closeAppealWindows(c: Ctx): void {
  c.s.rulings.forEach((r, i) => {
    if (r.appealable) edit(c, "rulings", i).appealable = false;
  });
}

export function newRuling(c: Ctx, r: Omit<Ruling, "id" | "appealable" | "appeal" | "seq">): Ruling {
  const ruling: Ruling = { ...r, id: `R${nextNumber(c, "ruling")}`, appealable: true, appeal: "none", seq: c.seq };
  c.s.rulings = [...c.s.rulings, ruling];
  c.fresh.add(ruling);
  return ruling;
}
