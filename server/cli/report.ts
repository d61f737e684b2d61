import type { Aggregate, GameSummary } from "../../shared/sim/summary.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/** One game, for a person reading a terminal. */
export function formatGame(s: GameSummary, scenario: Scenario): string {
  const lines: string[] = [];
  const title = scenario.title;
  lines.push(`${title}`, `${s.scenario} · ${s.rule === "majority" ? "one country, one vote" : "consensus"} · seed ${s.seed} · ${s.seq} actions · ${s.phase}${s.public ? " · public export" : ""}`, "");
  lines.push("Decisions");
  for (const d of s.decisions) {
    const tally = d.tally ? ` ${d.tally.yes}-${d.tally.no}-${d.tally.abstain}` : "";
    lines.push(`  ${d.target.padEnd(6)} ${d.status.padEnd(12)} ${`by ${d.by}${tally}`.padEnd(24)} ${d.reason}`);
  }
  lines.push("", "Outcome (status quo → result)");
  for (const dim of scenario.dimensions) {
    const v = s.outcome[dim.id] ?? 0;
    lines.push(`  ${dim.id.padEnd(5)} ${signed(dim.statusQuo)} → ${signed(v)}  ${dim.name}`);
  }
  lines.push("", `Signed (${s.signed.length}): ${s.signed.join(" ") || "none"}`, `Declined (${s.declined.length}): ${s.declined.join(" ") || "none"}`, "", "Scores");
  const ranked = Object.entries(s.scores).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [id, score] of ranked) lines.push(`  ${id} ${score.toFixed(3)}`);
  lines.push("", `finalHash ${s.finalHash}`);
  return lines.join("\n") + "\n";
}

export function formatAggregate(a: Aggregate, scenario: Scenario, rule: string, seeds: [number, number]): string {
  const lines = [`${scenario.title}`, `${a.games} games (seeds ${seeds[0]}–${seeds[1]}), ${rule}, ${a.closed} closed${a.replayed !== undefined ? `, ${a.replayed} replayed to their hash` : ""}`, "", "Adoption rate"];
  for (const [t, r] of Object.entries(a.adoptionRate)) lines.push(`  ${t.padEnd(6)} ${(r * 100).toFixed(0).padStart(3)}%`);
  lines.push("", "Mean outcome");
  for (const dim of scenario.dimensions) lines.push(`  ${dim.id.padEnd(5)} ${signed(dim.statusQuo)} → ${signed(a.meanOutcome[dim.id] ?? 0)}`);
  lines.push("", `Mean signatories: ${a.meanSigned}`, "", "Mean scores");
  for (const [id, v] of Object.entries(a.meanScores).sort((x, y) => y[1] - x[1])) lines.push(`  ${id} ${v.toFixed(3)}`);
  return lines.join("\n") + "\n";
}
