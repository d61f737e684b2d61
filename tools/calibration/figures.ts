import type { Aggregate, GameRow } from "../../shared/sim/summary.ts";
import { MEMBERS } from "../scenarios/roster.ts";

/**
 * The calibration figures of issue 5, computed from `plenipo simulate <id> --games N --json` output. Pure
 * functions: `npm run calibrate` feeds them 200 games per configuration, tests/scenarios feeds them a few
 * fixed seeds. The bounds are targets for the bots and stances, never rules of the game.
 */

export interface Check {
  name: string;
  value: string;
  bound: string;
  ok: boolean;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const share = (rows: GameRow[], f: (r: GameRow) => boolean) => (rows.length ? rows.filter(f).length / rows.length : 0);
const status = (r: GameRow, target: string) => r.decisions.find((d) => d.target === target)?.status;

/** The EU members that sit in CEPT, as the scenario files list them. */
export function ceptEu(scenario: { delegations: { id: string; blocs: string[] }[] }, eu: ReadonlySet<string>): string[] {
  return scenario.delegations.filter((d) => eu.has(d.id) && d.blocs.includes("CEPT")).map((d) => d.id);
}

/** The member states of the EU in 2012-2014, from the roster the scenarios are built from. */
export const EU: ReadonlySet<string> = new Set(MEMBERS.filter((m) => m.eu).map((m) => m.id));

/** A WCIT is convened when the treaty-conference text passes in a form other than the expert-group review. */
const wcitConvened = (r: GameRow) => status(r, "P4") === "adopted" && status(r, "P4a") !== "adopted";

export function busanChecks(consensus: Aggregate, majority: Aggregate, statusQuo: Record<string, number>): Check[] {
  const c = consensus.perGame;
  const held = share(c, (r) => (r.outcome.DNS ?? 0) - (statusQuo.DNS ?? 0) <= 0.2 + 1e-9 && (r.outcome.CYB ?? 0) - (statusQuo.CYB ?? 0) <= 0.2 + 1e-9);
  const noWcit = share(c, (r) => !wcitConvened(r));
  const open = share(c, (r) => (r.outcome.OPEN ?? 0) > (statusQuo.OPEN ?? 0) + 1e-9);
  const igShift = (a: Aggregate) => a.perGame.reduce((s, r) => s + (r.outcome.IG ?? 0) - (statusQuo.IG ?? 0), 0) / Math.max(1, a.perGame.length);
  const gap = igShift(majority) - igShift(consensus);
  return [
    { name: "busan consensus: DNS and CYB within +0.2 of the status quo", value: pct(held), bound: "≥ 80% of games", ok: held >= 0.8 },
    { name: "busan consensus: no WCIT convened", value: pct(noWcit), bound: "≥ 80% of games", ok: noWcit >= 0.8 },
    { name: "busan consensus: OPEN rises", value: pct(open), bound: "≥ 50% of games", ok: open >= 0.5 },
    { name: "busan: mean IG shift, majority minus consensus", value: `${igShift(majority).toFixed(3)} − ${igShift(consensus).toFixed(3)} = ${gap.toFixed(3)}`, bound: "≥ 0.2", ok: gap >= 0.2 },
  ];
}

export function dubaiChecks(games: Aggregate, ceptEuIds: readonly string[]): Check[] {
  const rows = games.perGame;
  const mean = rows.reduce((s, r) => s + r.signed.length, 0) / Math.max(1, rows.length);
  const usSigned = rows.filter((r) => r.signed.includes("USA")).length;
  const euSigned = rows.filter((r) => r.signed.some((d) => ceptEuIds.includes(d))).length;
  const votes = rows.flatMap((r) => r.decisions.filter((d) => d.target === "W4" && d.by === "vote" && d.tally).map((d) => d.tally as { yes: number; no: number; abstain: number }));
  const shares = votes.map((t) => t.yes / Math.max(1, t.yes + t.no + t.abstain));
  const meanShare = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : NaN;
  const inBand = shares.filter((x) => x >= 0.55 && x <= 0.75).length;
  return [
    { name: "dubai: mean number of signatories", value: mean.toFixed(1), bound: "89 ± 10", ok: Math.abs(mean - 89) <= 10 },
    { name: "dubai: games in which the United States signs", value: String(usSigned), bound: "0", ok: usSigned === 0 },
    { name: "dubai: games in which a CEPT member of the EU signs", value: String(euSigned), bound: "0", ok: euSigned === 0 },
    {
      name: "dubai: preamble (W4) formal vote, yes share of votes cast",
      value: shares.length ? `held in ${shares.length} of ${rows.length} games; mean ${pct(meanShare)}, ${inBand} of ${shares.length} within 55–75% (min ${pct(Math.min(...shares))}, max ${pct(Math.max(...shares))})` : `no vote held in ${rows.length} games`,
      bound: "55–75% whenever held",
      ok: inBand === shares.length,
    },
  ];
}

/** Every game closed and (with --verify) replayed to its hash. */
export function integrityChecks(label: string, a: Aggregate): Check[] {
  return [
    { name: `${label}: games closed`, value: `${a.closed} of ${a.games}`, bound: "all", ok: a.closed === a.games },
    ...(a.replayed !== undefined ? [{ name: `${label}: logs replayed to their hash`, value: `${a.replayed} of ${a.games}`, bound: "all", ok: a.replayed === a.games }] : []),
  ];
}

/**
 * Issue 12: bots that are not all alike. The share of games in which each proposal is adopted, per rule;
 * the bound is that at least two of busan-2014's proposals are adopted in strictly between 10% and 90% of
 * the games under at least one rule (so "in N of M games" says something).
 */
export function varietyCheck(label: string, byRule: Record<string, Aggregate>, proposals: readonly string[]): { check: Check; rates: string[] } {
  const rates: string[] = [];
  const varied = new Set<string>();
  for (const [rule, a] of Object.entries(byRule)) {
    for (const p of proposals) {
      const rate = share(a.perGame, (r) => status(r, p) === "adopted");
      rates.push(`${p} ${rule} ${pct(rate)}`);
      if (rate > 0.1 && rate < 0.9) varied.add(p);
    }
  }
  return {
    check: { name: `${label}: proposals adopted in strictly between 10% and 90% of games, under some rule`, value: `${varied.size} (${[...varied].join(", ") || "none"})`, bound: "≥ 2", ok: varied.size >= 2 },
    rates,
  };
}
