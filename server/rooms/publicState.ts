import { ArraySchema, MapSchema, schema, t, type SchemaType } from "@colyseus/schema";
import type { View } from "../../shared/engine/view.ts";

/**
 * room.state: the public projection of the engine's state (DESIGN §9), synced to every client by Colyseus.
 * Nothing private ever enters it: no secret choice, no offer, no briefing. Each client's private part travels
 * as a "private" message to that client alone (see PlenaryRoom).
 */

export const Speech = schema({ by: t.string(), text: t.string(), seq: t.uint32() }, "Speech");

export const Seat = schema(
  {
    id: t.string(),
    name: t.string(),
    present: t.boolean(),
    inRoom: t.boolean(),
    votingRight: t.boolean(),
    /** "human", "bot", "idle" (held by nobody and no bot), or "absent" (not at the conference). */
    control: t.string(),
    /** Display names of the people holding the seat (a team may have several). */
    holders: t.array("string"),
    connected: t.uint8(),
    team: t.boolean(),
    playable: t.boolean(),
    /** "", "signed" or "declined". */
    signature: t.string(),
    reservations: t.array("string"),
  },
  "Seat",
);

export const Target = schema(
  {
    id: t.string(),
    status: t.string(),
    order: t.uint16(),
    seconders: t.array("string"),
    cosponsors: t.array("string"),
    objections: t.array("string"),
    voteRequested: t.boolean(),
    amendedBy: t.string(),
    /** The final (or latest) decision: who decided, the rule in words, the tally (-1 when none). */
    decidedBy: t.string(),
    reason: t.string(),
    decidedSeq: t.uint32(),
    yes: t.int16(),
    no: t.int16(),
    abstain: t.int16(),
  },
  "Target",
);

export const Ballot = schema(
  {
    id: t.string(),
    target: t.string(),
    question: t.string(),
    method: t.string(),
    threshold: t.string(),
    basis: t.string(),
    voters: t.array("string"),
    voted: t.array("string"),
    /** Show of hands and roll-call only: each choice, as seen in the room. Always empty for a secret ballot. */
    choices: t.map("string"),
    /** Running counts; -1 while a secret ballot is open. */
    yes: t.int16(),
    no: t.int16(),
    abstain: t.int16(),
    called: t.string(),
  },
  "Ballot",
);

export const Procedure = schema({ id: t.string(), by: t.string(), kind: t.string(), status: t.string(), text: t.string() }, "Procedure");

export const Item = schema({ id: t.string(), title: t.string(), status: t.string(), returns: t.uint8(), adjourned: t.boolean() }, "Item");

export const PlenaryState = schema(
  {
    code: t.string(),
    scenarioId: t.string(),
    title: t.string(),
    rule: t.string(),
    pace: t.string(),
    seq: t.uint32(),
    phase: t.string(),
    suspended: t.string(),
    step: t.string(),
    stepKind: t.string(),
    /** When the current step's time runs out (ms since the epoch), 0 when paused or none. */
    deadlineAt: t.float64(),
    clockPaused: t.boolean(),
    item: t.string(),
    concluded: t.boolean(),
    queue: t.array("string"),
    items: t.map(Item),
    floorHolder: t.string(),
    speakers: t.array("string"),
    listClosed: t.boolean(),
    lastSpeech: Speech,
    consensusTarget: t.string(),
    temperatureTarget: t.string(),
    placards: t.map("string"),
    lastTemperature: t.string(),
    ballot: Ballot,
    hasBallot: t.boolean(),
    seats: t.map(Seat),
    targets: t.map(Target),
    points: t.array(Procedure),
    rulings: t.array(Procedure),
    motions: t.array(Procedure),
    voteRequests: t.array(Procedure),
    chairControl: t.string(),
    chairHolders: t.array("string"),
    legitimacy: t.uint8(),
    observers: t.uint16(),
    /** The game waits in the teacher's lobby: nothing moves until the chair starts it. */
    lobby: t.boolean(),
    /** What the debrief shows everyone: "cards" (every delegation's card and score) or "own". */
    reveal: t.string(),
  },
  "PlenaryState",
);
export type PlenaryState = SchemaType<typeof PlenaryState>;
type SeatState = SchemaType<typeof Seat>;

/** Replaces an array's items when they differ (Colyseus then sends the change). */
function setStrings(target: ArraySchema<string>, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...values);
}

function setMap(target: MapSchema<string>, values: Record<string, string>): void {
  for (const key of [...target.keys()]) if (!(key in values)) target.delete(key);
  for (const [k, v] of Object.entries(values)) if (target.get(k) !== v) target.set(k, v);
}

function assign<T extends object>(target: T, values: Partial<T>): void {
  for (const [k, v] of Object.entries(values) as [keyof T, T[keyof T]][]) if (target[k] !== v) target[k] = v;
}

function setProcedures(target: ArraySchema<SchemaType<typeof Procedure>>, rows: { id: string; by: string; kind: string; status: string; text: string }[]): void {
  rows.forEach((row, i) => {
    let p = target[i];
    if (!p) {
      p = new Procedure();
      target.push(p);
    }
    assign(p, row);
  });
  while (target.length > rows.length) target.pop();
}

/** Who holds each seat, from the room's seating (not from the engine). */
export interface SeatControl {
  control: "human" | "bot" | "idle" | "absent";
  holders: string[];
  connected: number;
  team: boolean;
}

/** Brings room.state in line with the public view of the engine's state. */
export function syncPublicState(
  state: PlenaryState,
  view: View,
  seats: (id: string) => SeatControl,
  clock: { deadlineAt: number; paused: boolean },
): void {
  const step = view.step;
  assign(state, {
    seq: view.seq,
    phase: view.phase,
    suspended: view.suspended ?? "",
    step: step?.id ?? "",
    stepKind: step?.kind ?? "",
    deadlineAt: clock.deadlineAt,
    clockPaused: clock.paused,
    item: view.item ?? "",
    concluded: view.concluded,
    floorHolder: view.floor.holder ?? "",
    listClosed: view.floor.closed,
    consensusTarget: view.consensus?.target ?? "",
    temperatureTarget: view.temperature?.target ?? "",
    lastTemperature: view.lastTemperature ? `${view.lastTemperature.target}:${view.lastTemperature.for}:${view.lastTemperature.against}` : "",
    legitimacy: view.chair.legitimacy,
  });
  setStrings(state.queue, view.queue);
  setStrings(state.speakers, view.floor.speakers);
  setMap(state.placards, view.temperature?.placards ?? {});
  if (view.lastSpeech && view.lastSpeech.seq !== state.lastSpeech.seq) assign(state.lastSpeech, view.lastSpeech);

  for (const a of view.scenario.agenda) {
    let item = state.items.get(a.id);
    if (!item) {
      item = new Item();
      item.id = a.id;
      item.title = a.title;
      state.items.set(a.id, item);
    }
    const s = view.items[a.id];
    if (s) assign(item, { status: s.status, returns: s.returns, adjourned: s.adjourned });
  }

  for (const d of view.scenario.delegations) {
    let seat: SeatState | undefined = state.seats.get(d.id);
    if (!seat) {
      seat = new Seat();
      assign(seat, { id: d.id, name: d.name, present: d.present, votingRight: d.votingRight, playable: d.playable });
      state.seats.set(d.id, seat);
    }
    const control = seats(d.id);
    const sig = view.signatures[d.id];
    assign(seat, {
      inRoom: d.present && view.walkedOut[d.id] === undefined,
      control: control.control,
      connected: control.connected,
      team: control.team,
      signature: sig ? (sig.signed ? "signed" : "declined") : "",
    });
    setStrings(seat.holders, control.holders);
    setStrings(seat.reservations, sig?.signed ? sig.reservations : []);
  }
  const chair = seats("chair");
  assign(state, { chairControl: chair.control });
  setStrings(state.chairHolders, chair.holders);

  for (const [id, t] of Object.entries(view.targets)) {
    let target = state.targets.get(id);
    if (!target) {
      target = new Target();
      target.id = id;
      state.targets.set(id, target);
    }
    const d = t.decision;
    assign(target, {
      status: t.status,
      order: t.order,
      voteRequested: t.voteRequested,
      amendedBy: t.amendedBy ?? "",
      decidedBy: d?.by ?? "",
      reason: d?.reason ?? "",
      decidedSeq: d?.seq ?? 0,
      yes: d?.tally?.yes ?? -1,
      no: d?.tally?.no ?? -1,
      abstain: d?.tally?.abstain ?? -1,
    });
    setStrings(target.seconders, t.seconders);
    setStrings(target.cosponsors, t.cosponsors);
    setStrings(target.objections, Object.keys(t.objections).sort());
  }

  const b = view.ballot;
  assign(state, { hasBallot: b !== null });
  if (b) {
    // The view has already hidden a secret ballot's counts (null: sent as -1) and choices (none).
    assign(state.ballot, {
      id: b.id,
      target: b.target,
      question: b.question,
      method: b.method,
      threshold: b.threshold,
      basis: b.basis,
      yes: b.counts?.yes ?? -1,
      no: b.counts?.no ?? -1,
      abstain: b.counts?.abstain ?? -1,
      called: b.called ?? "",
    });
    setStrings(state.ballot.voters, b.voters);
    setStrings(state.ballot.voted, b.voted);
    setMap(state.ballot.choices, b.choices);
  }

  setProcedures(state.points, view.points.map((p) => ({ id: p.id, by: p.by, kind: "point", status: p.status, text: p.text })));
  setProcedures(state.rulings, view.rulings.map((r) => ({ id: r.id, by: "chair", kind: r.kind, status: `${r.decision}${r.appeal !== "none" ? `; appeal ${r.appeal}` : ""}${r.appealable ? "; appealable" : ""}`, text: r.subject })));
  setProcedures(state.motions, view.motions.map((m) => ({ id: m.id, by: m.by, kind: m.kind, status: m.status, text: "" })));
  setProcedures(state.voteRequests, view.voteRequests.map((v) => ({ id: v.id, by: v.by, kind: v.method, status: v.status, text: v.target })));
}
