import { passTurn } from "../ballots.ts";
import { currentStep, note, reject } from "../context.ts";
import { decide, openableItems } from "../questions.ts";
import type { Spec } from "./spec.ts";
import { countSoleObjection } from "./consensus.ts";

const ALL_OPEN = ["opening", "debate", "decision", "final_acts"] as const;

export const open_item: Spec<"open_item"> = {
  seat: "chair",
  phases: ["opening", "decision"],
  check(q, a) {
    if (q.s.phase === "decision" && !q.s.concluded) {
      return reject("item/not-concluded", "The item before the meeting still has questions to decide.");
    }
    const item = q.ix.item.get(a.item);
    if (!item) return reject("item/unknown", `There is no agenda item "${a.item}".`);
    const status = q.s.items[a.item]?.status;
    if (status === "done") return reject("item/done", `The item "${item.title}" has been dealt with.`);
    if (!openableItems(q.s, q.scenario.agenda).includes(a.item)) {
      if (status === "postponed") return reject("item/postponed-last", `The item "${item.title}" was postponed: it comes back after the last item.`);
      return reject("item/not-openable", `The item "${item.title}" cannot be opened now.`);
    }
    return null;
  },
  reduce(c, a) {
    c.flow.open = a.item;
  },
  candidates: (q) => openableItems(q.s, q.scenario.agenda).map((item) => ({ type: "open_item" as const, item })),
  none: () => reject("item/none-left", "No agenda item is left: open the signing of the Final Acts."),
};

export const deadline: Spec<"deadline"> = {
  seat: "system",
  phases: ALL_OPEN,
  inBallot: true,
  check(q, a) {
    const current = currentStep(q.s);
    if (!current || current.id !== a.step) {
      const paused = q.s.steps.some((s) => s.id === a.step);
      return reject(
        "deadline/stale",
        paused ? `Step ${a.step} is paused under ${current?.id}; its deadline waits.` : `Step ${a.step} is over (the current step is ${current?.id ?? "none"}).`,
      );
    }
    return null;
  },
  reduce(c, a) {
    const step = currentStep(c.s);
    if (!step) return;
    note(c, "deadline", null, step.kind === "turn" ? "Time is up for the delegation called" : `Time is up (${step.kind})`);
    // What the clock ends; the advance pass then moves the conference on (flow/advance.ts).
    switch (step.kind) {
      case "opening":
        c.flow.moveOn = true;
        return;
      case "debate":
        c.flow.debateEnds = "the time for debate ran out";
        return;
      case "decision":
        if (c.s.concluded) {
          c.flow.moveOn = true;
          return;
        }
        for (const id of [...c.s.queue]) decide(c, id, { status: "not_decided", by: "none", reason: "time ran out before a decision: not decided" });
        c.flow.settled = true;
        return;
      case "consensus": {
        const call = c.s.consensus;
        if (!call) return;
        const objectors = Object.keys(c.s.targets[call.target]?.objections ?? {});
        if (objectors.length > 0) {
          countSoleObjection(c, objectors);
          decide(c, call.target, { status: "not_decided", by: "none", reason: `the objection of ${objectors.join(", ")} still stood when time ran out: not decided` });
        } else {
          decide(c, call.target, { status: "adopted", by: "consensus", reason: "no objection: adopted by consensus" });
        }
        c.flow.settled = true;
        return;
      }
      case "ballot":
        // A public export writes the result of a secret ballot on the entry that closed it.
        c.flow.ballotCloses = { published: "result" in a ? a.result : undefined };
        return;
      case "turn":
        passTurn(c);
        return;
      case "final_acts":
        c.flow.close = "the time for signature ran out";
        return;
    }
  },
  candidates: (q) => {
    const step = currentStep(q.s);
    return step ? [{ type: "deadline" as const, step: step.id }] : [];
  },
};

export const open_signing: Spec<"open_signing"> = {
  seat: "chair",
  phases: ["debate", "decision"],
  check: () => null,
  reduce(c) {
    c.flow.signing = "opened by the chair";
  },
  candidates: () => [{ type: "open_signing" }],
};

export const close_conference: Spec<"close_conference"> = {
  seat: "chair",
  phases: ["final_acts"],
  check: () => null,
  reduce(c) {
    c.flow.close = "closed by the chair";
  },
  candidates: () => [{ type: "close_conference" }],
};

export const suspend: Spec<"suspend"> = {
  seat: "chair",
  phases: ALL_OPEN,
  beforeMotion: true,
  check: () => null,
  reduce(c) {
    c.s.suspended = "suspend";
    // Suspending during a call for consensus is how a chair sends a blocked text to informal consultations.
    if (c.s.consensus) c.s.consensus = { ...c.s.consensus, consulted: true };
    note(c, "suspended", null, c.s.consensus ? `The meeting is suspended for informal consultations on ${c.s.consensus.target}` : "The meeting is suspended");
  },
  candidates: () => [{ type: "suspend" }],
};

export const resume: Spec<"resume"> = {
  seat: "chair",
  phases: ALL_OPEN,
  inSuspension: true,
  check: (q) => (q.s.suspended ? null : reject("conference/not-suspended", "The meeting is not suspended.")),
  reduce(c) {
    c.s.suspended = null;
    note(c, "resumed", null, "The meeting resumes");
  },
  candidates: () => [{ type: "resume" }],
};
