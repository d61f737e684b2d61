import { publicExport } from "../../shared/log/publicExport.ts";
import type { Rule, Scenario } from "../../shared/scenario/schema.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { loadScenarioFile, scenarioPath } from "../../server/cli/io.ts";
import type { GoldenCase } from "./golden.ts";
import { classConsensus, classMajority } from "./scripts.ts";

/**
 * What `npm run golden -- --write` records for a new engine version: all-bot games of every shipped scenario
 * under both rules (exactly what `plenipo simulate … --out` writes), the two scripted classes, and a public
 * export. Each case says how it was made, so a reader of the manifest can make it again by hand.
 */

function shipped(id: string): Scenario {
  const loaded = loadScenarioFile(scenarioPath(id));
  if (!loaded.ok) throw new Error(`${id}: ${loaded.issues[0]?.path}: ${loaded.issues[0]?.message}`);
  return loaded.scenario;
}

function simulated(id: string, rule: Rule, seed: number, about: string): GoldenCase {
  return {
    name: `${id}-${rule}-${seed}`,
    made: `plenipo simulate ${id} --rule ${rule} --seed ${seed} --out ${id}-${rule}-${seed}.jsonl`,
    about,
    make: () => runGame(shipped(id), { rule, seed }).log,
  };
}

export function goldenCases(): GoldenCase[] {
  return [
    simulated("classroom-quick", "consensus", 7, "the classroom scenario under consensus: the objections of the United States and Germany keep P1 out; P2 goes to a vote"),
    simulated("classroom-quick", "majority", 7, "the same seed under one country, one vote: P1 adopted by vote"),
    simulated("busan-2014", "consensus", 1, "Busan 2014, 193 delegations, its own rule"),
    simulated("busan-2014", "majority", 1, "Busan 2014 under one country, one vote"),
    simulated("dubai-2012", "consensus", 1, "the WCIT: the temperature, a vote on the preamble, refusals to sign"),
    simulated("dubai-2012", "majority", 1, "the WCIT under one country, one vote"),
    {
      name: "scripted-majority",
      made: "tools/golden/scripts.ts classMajority",
      about: "a class under one country, one vote: a roll-call (India lets its turn pass and is called again), a secret ballot, a proxy vote (Ghana's, by Brazil), offers accepted, declined, retracted, broken and lapsed, a point of order appealed, a walkout and return, abstentions that postpone, a tie, reservations and a refusal to sign",
      make: () => classMajority(shipped("classroom-quick")).log,
    },
    {
      name: "scripted-consensus",
      made: "tools/golden/scripts.ts classConsensus",
      about: "a class under consensus: objections, an offer that buys a withdrawn objection, an overrule overturned on appeal, the temperature, a roll-call vote requested and granted, a broken no-objection pledge, consensus calls that time out, a walkout, a refusal to sign",
      make: () => classConsensus(shipped("classroom-quick")).log,
    },
    {
      name: "scripted-majority-public",
      made: "the public export (publicExport) of scripted-majority",
      about: "what anyone may download: the secret ballot's choices and the offers' contents are null, results ride on the entries that closed each ballot",
      make: () => publicExport(classMajority(shipped("classroom-quick")).log),
    },
  ];
}
