import { MEMBERS, type Member } from "./roster.ts";

/**
 * What the two full-scale scenarios share: the seven issue dimensions (DESIGN §7), the blocs (camps,
 * regional telecommunication organisations, ITU regions), which camp each member sits in, and the small,
 * deterministic differences between members of one camp. Camps are a modelling choice, not a historical
 * list: they follow the research notes' suggested seeding (about 55 multistakeholder, 45 sovereigntist, the
 * rest swing) and are marked [M] in the texts players read.
 */

export const DIMENSIONS = [
  { id: "IG", name: "Internet governance", minus: "private-led, multistakeholder", plus: "intergovernmental, ITU-led", statusQuo: 0 },
  { id: "CYB", name: "ITU cybersecurity mandate", minus: "capacity building only", plus: "a new ITU body or binding instrument", statusQuo: -0.1 },
  { id: "DNS", name: "Names, numbers and IP addresses", minus: "ICANN and the registries untouched", plus: "ITU or national control, country IP blocks", statusQuo: -0.3 },
  { id: "ITR", name: "Reopening the ITRs", minus: "never", plus: "a new treaty conference soon, wide scope", statusQuo: 0 },
  { id: "DEV", name: "Development funding", minus: "a lean budget", plus: "large ITU-D programmes", statusQuo: 0.3 },
  { id: "RTS", name: "Rights and sovereignty", minus: "human rights and the free flow of information", plus: "state sovereignty over networks and content", statusQuo: 0 },
  { id: "OPEN", name: "ITU transparency", minus: "closed, members only", plus: "free documents, open consultations", statusQuo: -0.2 },
] as const;

export type Dim = (typeof DIMENSIONS)[number]["id"];
export type Vector = Record<Dim, number>;

export const vec = (IG: number, CYB: number, DNS: number, ITR: number, DEV: number, RTS: number, OPEN: number): Vector => ({ IG, CYB, DNS, ITR, DEV, RTS, OPEN });

/** The multistakeholder core: the EU and EFTA, the Western Balkans and Eastern partners, the Five Eyes and Japan, Israel, four Latin American states. */
const MS_CAMP = new Set([
  ...MEMBERS.filter((m) => m.eu).map((m) => m.id),
  ..."NOR CHE ISL LIE AND MCO SMR MNE SRB MKD ALB BIH GEO MDA UKR".split(" "),
  ..."USA CAN JPN AUS NZL ISR CHL COL CRI PER".split(" "),
]);

/** The sovereigntist camp: the RCC, the Arab group, and the governments that side with them on the Internet. */
const SOV_CAMP = new Set([
  ..."RUS BLR KAZ KGZ TJK TKM UZB ARM AZE".split(" "),
  ..."DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN QAT SAU SOM SDN SYR TUN ARE YEM".split(" "),
  ..."CHN IRN CUB VEN BOL NIC PRK VNM LAO MMR ZWE".split(" "),
]);

export function campOf(m: Member): "MS" | "SOV" | "SWING" {
  return MS_CAMP.has(m.id) ? "MS" : SOV_CAMP.has(m.id) ? "SOV" : "SWING";
}

/** Members with a larger weight in the room (G20 and regional powers); small island states weigh least. */
const LARGE = new Set("USA CHN RUS DEU FRA GBR JPN IND BRA CAN AUS KOR MEX IDN TUR SAU ARG ZAF ITA ESP IRN EGY NGA ARE KEN NLD SWE POL".split(" "));
const SMALL = new Set("AND LIE MCO SMR VAT NRU TUV KIR MHL FSM SLB TON WSM VUT DMA KNA GRD VCT LCA ATG BRB BHS BLZ SYC STP CPV COM MDV BTN BRN TLS MLT ISL LUX MNE".split(" "));

export function influenceOf(m: Member): number {
  return LARGE.has(m.id) ? 6 : SMALL.has(m.id) ? 1 : 3;
}

/** A deterministic number in [-1, 1) from a string (FNV-1a): the same member always differs the same way. */
export function wobble(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h / 0x100000000) * 2 - 1;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clip = (x: number) => Math.max(-1, Math.min(1, x));

/**
 * A member's own shading of its camp's stance on a few dimensions (within ±spread): enough that a camp does
 * not vote as one block, small enough that the camp stays recognisable.
 */
export function shading(m: Member, base: Vector, dims: Dim[], spread: number): Partial<Vector> {
  const out: Partial<Vector> = {};
  for (const d of dims) out[d] = round2(clip(base[d] + spread * wobble(`${m.id}:${d}`)));
  return out;
}

export const BLOCS_RTO = [
  { id: "APT", name: "Asia-Pacific Telecommunity", kind: "rto" },
  { id: "ATU", name: "African Telecommunications Union", kind: "rto", leader: "NGA" },
  { id: "CEPT", name: "CEPT (European administrations)", kind: "rto", leader: "DEU" },
  { id: "CITEL", name: "CITEL (the Americas)", kind: "rto" },
  { id: "RCC", name: "Regional Commonwealth in the field of Communications", kind: "rto", leader: "RUS" },
  { id: "ARB", name: "Arab group", kind: "rto", leader: "SAU" },
] as const;

export const BLOCS_REGION = [
  { id: "A", name: "Region A: the Americas", kind: "region" },
  { id: "B", name: "Region B: Western Europe", kind: "region" },
  { id: "C", name: "Region C: Eastern Europe and Northern Asia", kind: "region" },
  { id: "D", name: "Region D: Africa", kind: "region" },
  { id: "E", name: "Region E: Asia and Australasia", kind: "region" },
] as const;

/**
 * Every bloc of a full-scale scenario: the three camps (the templates members inherit, and the leaders whose
 * texts they sign on to), then the regional organisations, then the ITU regions.
 */
export function conferenceBlocs<M, S, W>(templates: { MS: M; SOV: S; SWING: W }) {
  return [
    { id: "MS", name: "Multistakeholder camp", kind: "camp", leader: "USA", template: templates.MS },
    { id: "SOV", name: "Sovereigntist camp", kind: "camp", leader: "RUS", template: templates.SOV },
    { id: "SWING", name: "Swing states", kind: "camp", template: templates.SWING },
    ...BLOCS_RTO,
    ...BLOCS_REGION,
  ];
}

/** The same scoring in both historical scenarios, so scores compare across them. */
export const SCORING = { redLinePenalty: 0.5, soleObjectorPenalty: 0.1, amendmentBonus: 0.1, brokenPledgePenalty: 0.05 };

/** A member's blocs: its camp first (whose template it takes and whose leader it follows), then its organisations, then its region. */
export function blocsOf(m: Member): string[] {
  return [campOf(m), ...m.rtos, m.region];
}

export { MEMBERS, type Member };

/** A member's own appetite for procedure, around its camp's (± spread): how readily it backs breaking consensus by a vote. */
export function procedureOf(m: Member, base: number, spread = 0.2): number {
  return round2(Math.max(0, Math.min(1, base + spread * wobble(`${m.id}:procedure`))));
}
