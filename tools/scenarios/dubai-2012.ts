import { DIMENSIONS, MEMBERS, SCORING, conferenceBlocs, blocsOf, campOf, influenceOf, procedureOf, shading, vec, type Vector } from "./common.ts";
import { PLAYABLE_DUBAI } from "./dubai-delegations.ts";

/**
 * scenarios/dubai-2012.json: the World Conference on International Telecommunications (Dubai, December
 * 2012). 151 of the 193 members attend, 144 of them with a vote; the UAE chairs and takes the temperature of
 * the room. The texts are the disputed articles, the Internet resolution and the preamble; the conference
 * ends with each delegation deciding whether to sign. After research/domain.md §2 and §5.4, in our words.
 */

const MS = vec(-0.8, -0.6, -0.8, -0.7, 0.3, -0.9, 0.9);
const SOV = vec(0.8, 0.7, 0.7, 0.7, 0.4, 0.8, -0.4);
const SWING = vec(0.4, 0.3, -0.2, 0.3, 0.8, 0.4, 0.2);

/** Members not in Dubai [M: about 151 attended; the list here is illustrative, mostly small states]. */
const ABSENT_DUBAI = new Set(
  "AND LIE MCO SMR NRU TUV KIR MHL FSM SLB TON WSM VUT DMA KNA GRD VCT LCA ATG BHS BLZ SUR GUY HTI TLS BTN MDV COM STP CPV GNB GNQ ERI SSD SOM CAF TCD LBR PRK MNG SYC BRB".split(" "),
);
/** Members without a vote (17 had lost it; 7 of them were present) [M: the list is illustrative]. */
const NO_VOTE_DUBAI = new Set("CAF TCD ERI SSD SOM GNB COM STP LBR HTI GMB DJI NER BDI TJK MRT AFG".split(" "));

const templates = {
  MS: {
    stance: MS,
    weights: vec(0.25, 0.1, 0.1, 0.15, 0.05, 0.25, 0.1),
    personality: { concession: "boulware", loyalty: 0.8, procedure: 0.3, talk: 0.04 },
    redLines: [
      { dimension: "IG", atMost: 0.1 },
      { dimension: "RTS", atMost: 0 },
      { dimension: "ITR", atMost: 0.2 },
    ],
  },
  SOV: {
    stance: SOV,
    weights: vec(0.2, 0.1, 0.15, 0.2, 0.05, 0.25, 0.05),
    personality: { concession: "linear", loyalty: 0.8, procedure: 0.7, talk: 0.04 },
    redLines: [],
  },
  SWING: {
    stance: SWING,
    // In Dubai the 'right of access' spoke to countries under sanctions or short of connectivity, and the
    // mood late in the conference was ready for a vote.
    weights: vec(0.15, 0.05, 0.1, 0.1, 0.25, 0.3, 0.05),
    personality: { concession: "conceder", loyalty: 0.4, procedure: 0.8, talk: 0.03 },
    redLines: [],
  },
} as const;

const BASE: Record<string, Vector> = { MS, SOV, SWING };

const proposals = [
  {
    id: "W1",
    title: "Article 1: the Regulations apply to all operating agencies",
    text: "The Regulations apply to 'operating agencies': any entity that operates telecommunication services, which could include Internet providers and online services.",
    sponsors: ["RUS", "ARE"],
    effects: { ITR: 0.6, IG: 0.3 },
    amendments: [
      { id: "W1a", title: "Recognized operating agencies only", text: "Replace 'operating agencies' by 'recognized operating agencies': the licensed telecom operators the treaty has always covered.", sponsors: ["USA", "GBR"], effects: { ITR: 0.05 } },
      { id: "W1b", title: "Authorized operating agencies (the compromise)", text: "Replace by 'authorized operating agencies': operators authorized or recognized by a Member State to provide international telecommunication services to the public.", sponsors: ["BRA", "ARE"], effects: { ITR: 0.25, IG: 0.05 } },
    ],
  },
  {
    id: "W2",
    title: "Article 5A: security and robustness of networks",
    text: "Member States shall take measures to ensure the security and robustness of international telecommunication networks.",
    sponsors: ["RUS", "CHN"],
    effects: { CYB: 0.3 },
    amendments: [{ id: "W2a", title: "Member States shall endeavour", text: "Member States shall individually and collectively endeavour to ensure the security and robustness of international telecommunication networks.", sponsors: ["BRA"], effects: { CYB: 0.15 } }],
  },
  {
    id: "W3",
    title: "Article 5B: unsolicited bulk electronic communications",
    text: "Member States should take measures to prevent the propagation of unsolicited bulk electronic communications (spam).",
    sponsors: ["SAU", "ARE"],
    effects: { RTS: 0.1, IG: 0.1 },
    amendments: [{ id: "W3a", title: "Technical measures only, no content", text: "Add: 'by technical means, without any regulation of the content of communications'.", sponsors: ["SWE"], effects: { RTS: 0.03, IG: 0.05 } }],
  },
  {
    id: "W4",
    title: "Preamble: human rights and the right of access of Member States",
    text: "Member States affirm their commitment to implement these Regulations in a manner that respects and upholds their human rights obligations. These Regulations recognize the right of access of Member States to international telecommunication services.",
    sponsors: ["IRN", "NGA"],
    // The right of access reads as sovereignty (sanctions) and as access for countries short of connectivity.
    effects: { RTS: 0.25, DEV: 0.1 },
    amendments: [{ id: "W4a", title: "Human rights only", text: "Keep the human-rights sentence; delete the 'right of access of Member States'.", sponsors: ["SWE", "USA"], effects: { RTS: -0.25, DEV: 0 } }],
  },
  {
    id: "W5",
    title: "Resolution: an enabling environment for the greater growth of the Internet",
    text: "Invites Member States to elaborate their positions on Internet-related technical, development and public-policy issues within the ITU, and instructs the Secretary-General to play an active and constructive role in the multistakeholder model.",
    sponsors: ["ARE"],
    effects: { IG: 0.3 },
    amendments: [
      { id: "W5a", title: "Add Tunis paragraph 55", text: "Recall paragraph 55 of the Tunis Agenda: the existing arrangements for Internet governance have worked effectively.", sponsors: ["EGY", "BGR"], effects: { IG: 0.2 } },
      { id: "W5b", title: "The Algerian text", text: "All governments should have an equal role and responsibility for international Internet governance and for ensuring its stability, security and continuity.", sponsors: ["DZA", "SAU", "CUB", "NGA"], effects: { IG: 0.4 } },
    ],
  },
  {
    id: "W6",
    title: "Article 3A: the Internet",
    text: "Member States shall have equal rights to manage the Internet, including the allocation, assignment and reclamation of numbering, naming, addressing and identification resources.",
    sponsors: ["RUS", "CHN", "SAU", "ARE", "DZA", "SDN", "EGY"],
    effects: { IG: 0.6, DNS: 0.5 },
    amendments: [],
  },
  {
    id: "W7",
    title: "Transparency of international mobile roaming prices",
    text: "Member States shall encourage transparent, reasonable prices for international mobile roaming, with clear information for users.",
    sponsors: ["KEN", "BRA", "GBR"],
    effects: { DEV: 0.2 },
    amendments: [],
  },
];

const agenda = [
  { id: "package", title: "The chairman's package: the articles", minutes: 25, proposals: ["W1", "W2", "W3", "W7"] },
  { id: "internet", title: "The Internet: article and resolution", minutes: 20, proposals: ["W6", "W5"] },
  { id: "preamble", title: "The preamble", minutes: 10, proposals: ["W4"] },
];

export function dubai2012() {
  const delegations = MEMBERS.map((m) => {
    const camp = campOf(m);
    const card = PLAYABLE_DUBAI[m.id];
    const votes = !NO_VOTE_DUBAI.has(m.id);
    const base = {
      id: m.id,
      name: m.name,
      sortKey: m.sortKey,
      blocs: blocsOf(m),
      votingRight: votes,
      present: !ABSENT_DUBAI.has(m.id),
      // Only the 144 accredited delegations with a vote decide on the treaty [M: a modelling choice].
      maySign: votes,
      influence: card?.influence ?? influenceOf(m),
      // History's absolute bound: the United States and the CEPT members of the EU never sign. Their bots
      // keep their cards' temperament in every game; every other bot's varies (personalityRanges below).
      ...(m.id === "USA" || (m.eu && blocsOf(m).includes("CEPT")) ? { personalityRanges: {} } : {}),
    };
    if (card) return { ...base, ...card.fields, playable: true };
    return { ...base, stance: shading(m, BASE[camp] as Vector, ["IG", "CYB", "ITR", "RTS", "DEV"], 0.2), personality: { procedure: procedureOf(m, templates[camp].personality.procedure) } };
  });
  return {
    id: "dubai-2012",
    title: "Dubai 2012: the night of the temperature",
    summary:
      "The World Conference on International Telecommunications, Dubai, December 2012: 151 Member States revise the 1988 telecommunication treaty. The operators it covers, security, spam, the Internet and a preamble on human rights and access divide the room; the UAE chair takes the temperature at night; at the end each delegation decides whether to sign. Ten delegations can be played. Camps and who attended are modelling choices [M].",
    rule: "consensus",
    dimensions: DIMENSIONS,
    blocs: conferenceBlocs(templates),
    delegations,
    chair: { name: "The chair (United Arab Emirates, host of the conference)", delegation: "ARE", style: "temperature" },
    proposals,
    agenda,
    timing: { openingMinutes: 5, decisionMinutes: 3, consensusMinutes: 3, ballotMinutes: 3, signingMinutes: 10 },
    scoring: SCORING,
    personalityRanges: { loyalty: 0.2, procedure: 0.15, talk: 0.2 },
    history: {
      summary:
        "The chair's package settled the articles with compromises: 'authorized operating agencies', security and spam articles that say 'endeavour'. Late on 12 December the Internet resolution was declared adopted after the chair took the temperature of the room; Russia's Internet article had been withdrawn. On 13 December Iran asked for a formal vote on the preamble: 77 for, 33 against, 8 abstaining. The United States announced at once that it would not sign, followed by the United Kingdom, Sweden, Canada and others. On 14 December 89 delegations signed and 55 of the 144 eligible did not.",
      decisions: [
        { target: "W1", status: "adopted as amended (W1b)", note: "'Authorized operating agencies'." },
        { target: "W2", status: "adopted as amended (close to W2a)", note: "Renumbered Article 6 [M]." },
        { target: "W3", status: "adopted", note: "Renumbered Article 7 [M]; the content disclaimer went into Article 1 [M]." },
        { target: "W4", status: "adopted by vote, 77–33–8", note: "The only formal vote of the conference [M: as reported]." },
        { target: "W5", status: "adopted after a temperature reading", note: "Resolution PLEN/3." },
        { target: "W6", status: "withdrawn", note: "Folded into a joint text, then withdrawn [M]." },
        { target: "W7", status: "adopted", note: "The consensual part of the treaty." },
      ],
      signed: 89,
      declined: 55,
      notes: [
        "In 1988, 112 delegations had signed on the spot.",
        "Several non-signers said they had to consult their capitals; India endorsed most of the texts without signing.",
      ],
    },
  };
}
