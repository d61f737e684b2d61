import { DIMENSIONS, MEMBERS, SCORING, conferenceBlocs, blocsOf, campOf, influenceOf, procedureOf, shading, vec, type Vector } from "./common.ts";
import { PLAYABLE_BUSAN } from "./busan-delegations.ts";

/**
 * scenarios/busan-2014.json: the Plenipotentiary Conference of Busan (2014) with all 193 members. Every
 * member inherits its camp's template (stance, weights, personality, red lines) with its own shading on
 * the contested dimensions; the twelve playable delegations have full cards, briefings and objectives
 * (busan-delegations.ts). Texts are our own words after research/domain.md §3 and §5.3.
 */

const MS = vec(-0.8, -0.6, -0.8, -0.6, 0.3, -0.9, 0.9);
const SOV = vec(0.8, 0.7, 0.7, 0.6, 0.4, 0.7, -0.4);
const SWING = vec(0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2);

/** Members that had lost their vote (arrears): small states, as at the real conferences [M: the list is illustrative]. */
const NO_VOTE_BUSAN = new Set("CAF COM GNB LBR SOM SSD STP TCD ERI GMB HTI DMA KIR TUV NRU VUT GNQ AFG".split(" "));
/** Members not attending [M: about 175 attended; which ones stayed away is illustrative]. */
const ABSENT_BUSAN = new Set("AND LIE MCO SMR NRU TUV KIR MHL FSM SLB TON WSM DMA KNA GRD VCT SUR PRK".split(" "));

const templates = {
  MS: {
    stance: MS,
    weights: vec(0.2, 0.15, 0.2, 0.1, 0.05, 0.15, 0.15),
    personality: { concession: "boulware", loyalty: 0.7, procedure: 0.3, talk: 0.04 },
    redLines: [
      { dimension: "DNS", atMost: -0.1 },
      { dimension: "CYB", atMost: 0.1 },
      { dimension: "ITR", atMost: 0.3 },
    ],
  },
  SOV: {
    stance: SOV,
    weights: vec(0.25, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05),
    personality: { concession: "linear", loyalty: 0.8, procedure: 0.4, talk: 0.04 },
    redLines: [],
  },
  SWING: {
    stance: SWING,
    weights: vec(0.2, 0.1, 0.1, 0.05, 0.4, 0.1, 0.05),
    // Busan's swing states prized a consensus conference: few would back forcing a vote.
    personality: { concession: "conceder", loyalty: 0.4, procedure: 0.05, talk: 0.03 },
    redLines: [],
  },
} as const;

const BASE: Record<string, Vector> = { MS, SOV, SWING };

const proposals = [
  {
    id: "P1",
    title: "Resolution 102: a leading role for the ITU in Internet public policy",
    text: "The ITU shall play a leading role in international Internet public policy, including the stewardship of the Internet's names and numbers after the IANA transition; the Council working group on the Internet shall remain open to Member States only.",
    sponsors: ["SAU", "RUS"],
    effects: { IG: 0.5, DNS: 0.4, OPEN: -0.3 },
    amendments: [
      { id: "P1a", title: "A facilitating role in the multistakeholder model", text: "Replace 'a leading role' by 'a facilitating role within the multistakeholder model', and open the working group's consultations to all stakeholders.", sponsors: ["USA", "DEU"], effects: { IG: 0.1, OPEN: 0.4 } },
      { id: "P1b", title: "Keep the 2010 text, note the IANA transition, consult online", text: "Keep the Guadalajara text of Resolution 102, take note of the IANA stewardship transition, and hold online consultations open to all stakeholders before each meeting of the working group.", sponsors: ["BRA", "GHA"], effects: { IG: 0.05, OPEN: 0.3 } },
    ],
  },
  {
    id: "P2",
    title: "The ITU's role in realising a secure information society",
    text: "The ITU shall develop a framework for a secure information society: IP addresses allocated so that each can be traced to a country, and traffic between users of one country kept within that country.",
    sponsors: ["IND"],
    effects: { CYB: 0.4, DNS: 0.6, IG: 0.2 },
    amendments: [
      { id: "P2a", title: "A study Question in ITU-T instead", text: "Replace the framework by a study Question in the ITU Telecommunication Standardization Sector, without instructions on addressing or routing.", sponsors: ["KOR"], effects: { CYB: 0.15, DNS: 0.1 } },
      { id: "P2b", title: "Delete the addressing and routing paragraphs", text: "Delete the paragraphs on country-traceable addresses and local routing; keep the ITU's security work.", sponsors: ["USA"], effects: { CYB: 0.4, IG: 0.2 } },
    ],
  },
  {
    id: "P3",
    title: "Resolution 130: an international instrument on ICT security",
    text: "The ITU shall prepare an international instrument on security in the use of information and communication technologies, for adoption by a future conference.",
    sponsors: ["RUS", "SAU"],
    effects: { CYB: 0.6 },
    amendments: [
      { id: "P3a", title: "Capacity building, CIRTs and the Global Cybersecurity Agenda", text: "Replace the instrument by capacity building: national computer incident response teams, the Global Cybersecurity Agenda, and help to developing countries.", sponsors: ["GHA", "KEN"], effects: { CYB: 0.1, DEV: 0.1 } },
      { id: "P3b", title: "A study group only", text: "Replace the instrument by a study in the ITU-T study group on security.", sponsors: ["CHN"], effects: { CYB: 0.2 } },
    ],
  },
  {
    id: "P4",
    title: "Convene a World Conference on International Telecommunications in 2016",
    text: "A World Conference on International Telecommunications shall be convened in 2016 to revise the International Telecommunication Regulations.",
    sponsors: ["RUS", "ARE"],
    effects: { ITR: 0.5, IG: 0.1 },
    amendments: [
      { id: "P4a", title: "A review by an expert group, reporting to the next Plenipotentiary", text: "Replace the conference by a review of the Regulations by a Council expert group, reporting to the Plenipotentiary Conference of 2018.", sponsors: ["BRA", "KOR"], effects: { ITR: 0.1 } },
      { id: "P4b", title: "A conference, but with no Internet items", text: "Convene the conference, but keep all Internet matters off its agenda.", sponsors: ["IND"], effects: { ITR: 0.3 } },
    ],
  },
  {
    id: "P5",
    title: "Open the ITU: free documents and open consultations",
    text: "All ITU documents shall be freely available online, and the Council working group on the Internet shall hold open consultations with all stakeholders.",
    sponsors: ["USA", "DEU"],
    effects: { OPEN: 0.5 },
    amendments: [],
  },
  {
    id: "P6",
    title: "Define 'ICT' and Internet matters in the Constitution",
    text: "Amend the Constitution to define telecommunications and ICTs so that the ITU's mandate covers Internet-related public policy and security. (A change to the Constitution: two-thirds of the delegations accredited with a vote must say yes.)",
    sponsors: ["SAU", "RUS"],
    effects: { IG: 0.3, CYB: 0.2 },
    threshold: "two_thirds",
    basis: "accredited",
    amendments: [],
  },
  {
    id: "P7",
    title: "Connect 2020: a global agenda for broadband for all",
    text: "Adopt the Connect 2020 goals for growth, inclusiveness, sustainability and innovation, with targets for connecting the unconnected.",
    sponsors: ["GHA", "KEN", "NGA"],
    effects: { DEV: 0.2 },
    amendments: [],
  },
  {
    id: "P8",
    title: "Child online protection",
    text: "Strengthen the ITU's work on protecting children online, with capacity building for developing countries.",
    sponsors: ["BRA"],
    effects: { DEV: 0.05, CYB: 0.05 },
    amendments: [],
  },
  {
    id: "P9",
    title: "ICTs against the Ebola epidemic",
    text: "Mobilise ICTs, from mobile alerts to data sharing, to help the countries fighting the Ebola epidemic.",
    sponsors: ["SLE", "GHA"],
    effects: { DEV: 0.1 },
    amendments: [],
  },
];

const agenda = [
  { id: "internet", title: "The ITU and the Internet", minutes: 30, proposals: ["P1"] },
  { id: "security", title: "Security and a secure information society", minutes: 30, proposals: ["P2", "P3"] },
  { id: "itrs", title: "The International Telecommunication Regulations", minutes: 15, proposals: ["P4"] },
  { id: "constitution", title: "Transparency and the Constitution", minutes: 15, proposals: ["P5", "P6"] },
  { id: "development", title: "Development", minutes: 10, proposals: ["P7", "P8", "P9"] },
];

export function busan2014() {
  const delegations = MEMBERS.map((m) => {
    const camp = campOf(m);
    const card = PLAYABLE_BUSAN[m.id];
    const base = {
      id: m.id,
      name: m.name,
      sortKey: m.sortKey,
      blocs: blocsOf(m),
      votingRight: !NO_VOTE_BUSAN.has(m.id),
      present: !ABSENT_BUSAN.has(m.id),
      influence: card?.influence ?? influenceOf(m),
    };
    if (card) return { ...base, ...card.fields, playable: true };
    return { ...base, stance: shading(m, BASE[camp] as Vector, ["IG", "CYB", "DNS", "RTS", "DEV"], 0.15), personality: { procedure: procedureOf(m, templates[camp].personality.procedure, 0.1) } };
  });
  return {
    id: "busan-2014",
    title: "Busan 2014: the Plenipotentiary Conference",
    summary:
      "All 193 Member States at the ITU's Plenipotentiary Conference in Busan, Korea (October–November 2014). The Internet's governance, security, a new treaty conference and the ITU's openness are on the table; the Republic of Korea chairs and seeks consensus. Twelve delegations can be played; bots in their regional groups play the rest. Camps and some group memberships are modelling choices [M].",
    rule: "consensus",
    dimensions: DIMENSIONS,
    blocs: conferenceBlocs(templates),
    delegations,
    chair: { name: "The chair (Republic of Korea, host of the conference)", delegation: "KOR", style: "consensus" },
    proposals,
    agenda,
    timing: { openingMinutes: 8, decisionMinutes: 3, consensusMinutes: 3, ballotMinutes: 3, signingMinutes: 10 },
    scoring: SCORING,
    // Each bot's temperament varies from game to game by up to this much (issue 12): solo play is not the same game twice.
    personalityRanges: { loyalty: 0.25, procedure: 0.2, talk: 0.25 },
    history: {
      summary:
        "Busan worked by consensus and the Internet texts barely moved. Resolution 102 kept its 2010 balance, took note of the IANA transition and opened the Council working group to online consultations; India's secure-information-society proposal found no agreement; the security resolutions were updated modestly, with no new instrument; no treaty conference was convened, the Regulations going to a review instead; documents became more open; the Constitution was not touched. The United States spoke of a 'Busan Consensus'.",
      decisions: [
        { target: "P1", status: "adopted as amended (close to P1b)", note: "The 2010 text stayed, with a note on the IANA transition and open consultations." },
        { target: "P2", status: "not adopted", note: "No agreement; parts were diverted to studies [M: the exact route is not verified]." },
        { target: "P3", status: "adopted as amended (close to P3a)", note: "Capacity building and the Global Cybersecurity Agenda; no instrument." },
        { target: "P4", status: "adopted as amended (close to P4a)", note: "No WCIT; a review of the Regulations by an expert group [M: wording not verified]." },
        { target: "P5", status: "adopted in part", note: "Freer access to documents; open consultations of the Internet working group." },
        { target: "P6", status: "not adopted", note: "No change to the Constitution or Convention." },
        { target: "P7", status: "adopted", note: "Connect 2020 (Resolution 200)." },
        { target: "P8", status: "adopted", note: "Resolution 179 on child online protection was updated." },
        { target: "P9", status: "adopted", note: "Sierra Leone's resolution on ICTs against Ebola." },
      ],
      notes: [
        "About 175 Member States attended [M]; which members had lost their vote is illustrative in this game [M].",
        "No formal vote was held on an Internet item [M: a vote on another matter, Resolution 99, is not verified].",
      ],
    },
  };
}
