import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED, render } from "../../tools/scenarios/build.ts";
import { fixtureScenario } from "../fixtures/build.ts";

const busan = fixtureScenario("busan-2014");
const dubai = fixtureScenario("dubai-2012");

describe("the full-scale scenarios", () => {
  it.each(Object.entries(GENERATED))("scenarios/%s.json is what tools/scenarios writes (run npm run scenarios after editing the sources)", (id, build) => {
    expect(readFileSync(`scenarios/${id}.json`, "utf8")).toBe(render(build));
  });

  it("busan-2014 seats all 193 members in their ITU regions and regional organisations", () => {
    expect(busan.delegations).toHaveLength(193);
    const regions = ["A", "B", "C", "D", "E"].map((r) => busan.delegations.filter((d) => d.blocs.includes(r)).length);
    expect(regions).toEqual([35, 34, 21, 54, 49]);
    const inBoth = busan.delegations.filter((d) => d.blocs.includes("ATU") && d.blocs.includes("ARB")).map((d) => d.id);
    expect(inBoth).toContain("EGY");
    expect(busan.delegations.filter((d) => !d.votingRight).length).toBeGreaterThan(10);
    expect(busan.delegations.filter((d) => d.playable).map((d) => d.id).sort()).toEqual(["ARE", "BRA", "CHN", "DEU", "GHA", "IND", "IRN", "KEN", "KOR", "RUS", "SAU", "USA"]);
    expect(busan.chair).toMatchObject({ delegation: "KOR", style: "consensus" });
    expect(busan.proposals.find((p) => p.id === "P6")).toMatchObject({ threshold: "two_thirds", basis: "accredited" });
  });

  it("members inherit their camp's template and differ a little from one another", () => {
    const swing = busan.delegations.filter((d) => d.blocs[0] === "SWING" && !d.playable);
    expect(swing.length).toBeGreaterThan(80);
    const ig = new Set(swing.map((d) => d.stance.IG));
    expect(ig.size).toBeGreaterThan(20);
    for (const d of swing) expect(Math.abs((d.stance.IG ?? 0) - 0.5)).toBeLessThanOrEqual(0.15 + 1e-9);
    expect(new Set(swing.map((d) => JSON.stringify(d.weights))).size).toBe(1);
  });

  it("a member that shades one personality trait keeps its template's other traits", () => {
    const tgo = busan.delegations.find((d) => d.id === "TGO");
    expect(tgo?.personality).toMatchObject({ concession: "conceder", loyalty: 0.4, talk: 0.03 });
    expect(tgo?.personality.procedure).not.toBe(0.05);
  });

  it("dubai-2012 has 151 delegations present, 144 of them with a vote, and the WCIT chair takes the temperature", () => {
    const present = dubai.delegations.filter((d) => d.present);
    expect(present).toHaveLength(151);
    expect(present.filter((d) => d.votingRight)).toHaveLength(144);
    expect(dubai.chair).toMatchObject({ delegation: "ARE", style: "temperature" });
    expect(dubai.history).toMatchObject({ signed: 89, declined: 55 });
  });

  it("texts players read mark what is not verified", () => {
    for (const s of [busan, dubai]) {
      expect(s.summary).toContain("[M]");
      expect(JSON.stringify(s.history)).toContain("[M");
    }
  });
});
