import { enterStep, nextNumber, note, titleOf, type Ctx } from "./context.ts";
import { edit, editById } from "./draft.ts";
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

/**
 * An appeal overturned a ruling. A ruling on a point of order flips; an overrule is undone: the question is
 * no longer adopted and returns to debate on its item (DESIGN §3).
 */
export function revertOverrule(c: Ctx, ruling: Ruling): void {
  const chair = edit(c, "chair");
  chair.legitimacy = Math.max(0, chair.legitimacy - 10);
  if (ruling.kind === "point") {
    ruling.decision = ruling.decision === "upheld" ? "rejected" : "upheld";
    const point = editById(c, "points", ruling.subject);
    if (point) point.status = ruling.decision === "upheld" ? "upheld" : "rejected";
    note(c, "ruling_overturned", ruling.id, `Ruling ${ruling.id} overturned on appeal: the point of order ${ruling.subject} is now ${ruling.decision}`);
    return;
  }
  const undo = ruling.undo;
  if (!undo) return;
  for (const [id, status] of Object.entries(undo.statuses)) {
    if (!c.s.targets[id]) continue;
    const t = edit(c, "targets", id);
    t.status = status;
    t.decision = undo.decisions[id] ?? null;
  }
  for (const [id, amendedBy] of Object.entries(undo.amendedBy)) {
    if (c.s.targets[id]) edit(c, "targets", id).amendedBy = amendedBy;
  }
  if (c.s.items[undo.item]) edit(c, "items", undo.item).status = "open";
  c.s.postponedItems = c.s.postponedItems.filter((i) => i !== undo.item);
  c.s.item = undo.item;
  c.s.phase = "debate";
  c.s.queue = [];
  c.s.concluded = false;
  c.s.consensus = null;
  c.s.floor = { holder: null, speakers: [], closed: false, spoken: [] };
  const minutes = c.ix.item.get(undo.item)?.minutes ?? c.scenario.timing.decisionMinutes;
  enterStep(c, "debate", Math.max(1, minutes / 2));
  note(c, "ruling_overturned", ruling.id, `Ruling ${ruling.id} overturned on appeal: ${titleOf(c.ix, ruling.subject)} is not adopted and returns to debate`);
}
