import { close_conference, deadline, open_item, open_signing, resume, suspend } from "./agenda.ts";
import { call_consensus, declare_consensus, object, placard, take_temperature, withdraw_objection } from "./consensus.ts";
import { close_speakers_list, give_floor, request_floor, speak, yield_floor } from "./floor.ts";
import { accept_offer, decline_offer, offer, retract_offer } from "./offers.ts";
import { return_, walk_out } from "./presence.ts";
import { appeal, motion, point_of_order, rule } from "./procedure.ts";
import { decline_to_sign, sign } from "./signing.ts";
import type { SpecTable } from "./spec.ts";
import { accept_amendment, cosponsor, move_amendment, second, table, withdraw } from "./texts.ts";
import { call_vote, close_vote, explain_vote, request_vote, vote } from "./voting.ts";

/** Every action type of DESIGN §4 and where its rules live. */
export const SPECS: SpecTable = {
  deadline,
  open_item,
  give_floor,
  close_speakers_list,
  call_consensus,
  declare_consensus,
  take_temperature,
  call_vote,
  close_vote,
  rule,
  suspend,
  resume,
  open_signing,
  close_conference,
  request_floor,
  speak,
  yield_floor,
  table,
  second,
  cosponsor,
  withdraw,
  move_amendment,
  accept_amendment,
  object,
  withdraw_objection,
  placard,
  request_vote,
  vote,
  explain_vote,
  point_of_order,
  appeal,
  motion,
  offer,
  accept_offer,
  decline_offer,
  retract_offer,
  walk_out,
  return: return_,
  sign,
  decline_to_sign,
};
