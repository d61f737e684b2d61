import { vec } from "./common.ts";

/**
 * The ten delegations a person can play in Dubai, 2012: cards, objectives and briefings in our own words,
 * after research/domain.md §2 and §5.4. A bot plays any of them that nobody takes, with the same card.
 */

const NOTE = "\n\n*Positions follow public reporting on the conference; the numbers are this game's reading of them, and items marked [M] are not verified.*";

const MS_LINES = [
  { dimension: "IG", atMost: 0.1 },
  { dimension: "RTS", atMost: 0 },
  { dimension: "ITR", atMost: 0.2 },
];

export const PLAYABLE_DUBAI: Record<string, { influence: number; fields: Record<string, unknown> }> = {
  USA: {
    influence: 9,
    fields: {
      stance: vec(-1, -0.9, -1, -0.9, 0.2, -1, 1),
      weights: vec(0.3, 0.15, 0.15, 0.15, 0.05, 0.15, 0.05),
      redLines: MS_LINES,
      objectives: [
        { id: "few-signatures", text: "Fewer than 100 delegations sign the treaty.", bonus: 0.1, when: { signedAtMost: 99 } },
        { id: "roaming", text: "Roaming transparency (W7), the part everyone wants, is adopted.", bonus: 0.05, when: { adopted: "W7" } },
      ],
      personality: { concession: "boulware", loyalty: 0, procedure: 0.4, talk: 0.8 },
      briefing:
        "## United States\n\nThe 1988 Regulations served the Internet well by never mentioning it. You came to Dubai to keep it that way: the treaty covers licensed telecom operators, not the Internet, not content, not security.\n\n**Red lines.** Nothing on the Internet in the treaty or its resolutions (IG above +0.1); no sovereignty or content language (RTS above 0); no scope that reaches Internet companies (ITR above +0.2).\n\n**Cards.** Europe, Japan, Australia, Canada. The signature: a treaty without the largest economies is a weak treaty.\n\n**Watch out.** A resolution can be adopted late at night by 'taking the temperature' of the room." + NOTE,
    },
  },
  GBR: {
    influence: 7,
    fields: {
      stance: vec(-0.9, -0.7, -0.9, -0.8, 0.3, -1, 1),
      weights: vec(0.25, 0.1, 0.1, 0.15, 0.05, 0.3, 0.05),
      redLines: MS_LINES,
      objectives: [{ id: "human-rights", text: "The preamble speaks of human rights only (W4a adopted).", bonus: 0.1, when: { adopted: "W4a" } }],
      personality: { concession: "boulware", loyalty: 0.7, procedure: 0.3, talk: 0.7 },
      briefing:
        "## United Kingdom\n\nYou stand with the United States and your CEPT partners: the Regulations must stay about telecommunications. Language that opens the door to content or to the Internet is unacceptable.\n\n**Red lines.** As for the whole European group: no Internet, no sovereignty over content, no wider scope.\n\n**What you want.** A preamble about human rights, without the 'right of access of Member States' (W4a).\n\n**Watch out.** CEPT must hold together; some of its eastern members listen to Moscow." + NOTE,
    },
  },
  SWE: {
    influence: 5,
    fields: {
      stance: vec(-0.9, -0.7, -0.9, -0.7, 0.4, -1, 1),
      weights: vec(0.25, 0.1, 0.1, 0.1, 0.05, 0.35, 0.05),
      redLines: MS_LINES,
      objectives: [{ id: "spam-technical", text: "The spam article stays technical (W3a adopted, or W3 not adopted).", bonus: 0.1, when: { any: [{ adopted: "W3a" }, { not_adopted: "W3" }] } }],
      personality: { concession: "boulware", loyalty: 0.7, procedure: 0.3, talk: 0.6 },
      briefing:
        "## Sweden\n\nFreedom of expression online is your foreign policy. You read the spam article and the preamble as doors to content regulation, and you will say so.\n\n**Red lines.** No Internet, no content, no wider scope.\n\n**What you want.** Spam rules that stay technical (W3a); human rights in the preamble.\n\n**Watch out.** Your voice is louder than your vote." + NOTE,
    },
  },
  RUS: {
    influence: 7,
    fields: {
      stance: vec(1, 0.8, 0.8, 0.9, 0.3, 0.9, -0.5),
      weights: vec(0.3, 0.15, 0.2, 0.2, 0.03, 0.1, 0.02),
      redLines: [],
      objectives: [{ id: "internet-article", text: "Internet governance by governments enters the text (W6 or W5b adopted).", bonus: 0.1, when: { any: [{ adopted: "W6" }, { adopted: "W5b" }] } }],
      personality: { concession: "boulware", loyalty: 0, procedure: 0.6, talk: 0.8 },
      briefing:
        "## Russian Federation\n\nYour proposal for a new article on the Internet (W6) gives Member States an equal right to manage names, numbers and addresses. You know the West will not accept it; it sets the terms of the debate.\n\n**What you want.** The Internet in the treaty (W6), or at least a strong resolution (W5b); operators defined broadly (W1).\n\n**Cards.** The RCC, the Arab group, China. Under a vote, most of the developing world.\n\n**Watch out.** Withdrawing your article at the right moment can buy a package." + NOTE,
    },
  },
  CHN: {
    influence: 8,
    fields: {
      stance: vec(0.7, 0.6, 0.6, 0.6, 0.4, 0.8, -0.3),
      weights: vec(0.25, 0.15, 0.1, 0.15, 0.1, 0.2, 0.05),
      redLines: [],
      objectives: [{ id: "treaty-lives", text: "At least 80 delegations sign the treaty.", bonus: 0.1, when: { signedAtLeast: 80 } }],
      personality: { concession: "linear", loyalty: 0.4, procedure: 0.2, talk: 0.5 },
      briefing:
        "## China\n\nYou support a government role on the Internet and a treaty that says so, quietly. A treaty signed by many is better than a perfect one signed by few.\n\n**What you want.** Security and Internet language, a large number of signatures.\n\n**Watch out.** Loud confrontation is Russia's style, not yours." + NOTE,
    },
  },
  IRN: {
    influence: 5,
    fields: {
      stance: vec(0.9, 0.7, 0.7, 0.8, 0.4, 1, -0.6),
      weights: vec(0.2, 0.1, 0.05, 0.1, 0.05, 0.45, 0.05),
      redLines: [{ not_adopted: "W4a" }],
      objectives: [{ id: "right-of-access", text: "The preamble with the right of access of Member States (W4) is adopted.", bonus: 0.15, when: { all: [{ adopted: "W4" }, { not_adopted: "W4a" }] } }],
      personality: { concession: "boulware", loyalty: 0.5, procedure: 0.95, talk: 0.8 },
      briefing:
        "## Iran\n\nSanctions have cut you off from services you pay for. The preamble's 'right of access of Member States to international telecommunication services' (W4) is what you came for.\n\n**Red line.** A preamble about human rights alone (W4a).\n\n**Cards.** You can ask for a formal vote, and you will. Under a vote, the developing world is with you on access.\n\n**Watch out.** A vote ends the pretence of consensus; some delegations will then refuse to sign." + NOTE,
    },
  },
  IND: {
    influence: 7,
    fields: {
      stance: vec(-0.2, 0.5, 0.2, -0.2, 0.6, -0.3, 0.3),
      weights: vec(0.25, 0.2, 0.1, 0.1, 0.2, 0.1, 0.05),
      redLines: [{ dimension: "IG", atMost: 0.2 }],
      objectives: [{ id: "roaming", text: "Roaming transparency (W7) is adopted.", bonus: 0.1, when: { adopted: "W7" } }],
      personality: { concession: "linear", loyalty: 0, procedure: 0.3, talk: 0.7 },
      briefing:
        "## India\n\nYou support most of the treaty: roaming, security, the operators' definition. But your capital is wary of the Internet resolution and you may have to 'consult capital' before signing.\n\n**Red line.** No strong Internet text (IG above +0.2).\n\n**What you want.** The practical articles, roaming above all.\n\n**Watch out.** Both camps count on you." + NOTE,
    },
  },
  BRA: {
    influence: 6,
    fields: {
      stance: vec(0.3, 0.3, 0.3, 0.3, 0.7, 0.1, 0.4),
      weights: vec(0.15, 0.1, 0.1, 0.15, 0.3, 0.1, 0.1),
      redLines: [],
      objectives: [{ id: "compromise-scope", text: "The compromise on operators (W1b) is adopted.", bonus: 0.1, when: { adopted: "W1b" } }],
      personality: { concession: "conceder", loyalty: 0, procedure: 0.3, talk: 0.6 },
      briefing:
        "## Brazil\n\nYou want a treaty, and you want the developing world's concerns in it: fair roaming prices, development, a say for governments. You are not against the Internet resolution, as long as it stays non-binding.\n\n**What you want.** The 'authorized operating agencies' compromise (W1b); roaming transparency.\n\n**Cards.** Credibility with both camps." + NOTE,
    },
  },
  KEN: {
    influence: 4,
    fields: {
      stance: vec(-0.5, 0, -0.5, -0.5, 0.7, -0.5, 0.6),
      weights: vec(0.3, 0.05, 0.1, 0.15, 0.25, 0.1, 0.05),
      redLines: [{ dimension: "IG", atMost: 0.1 }],
      objectives: [{ id: "roaming", text: "Roaming transparency (W7) is adopted.", bonus: 0.1, when: { adopted: "W7" } }],
      personality: { concession: "conceder", loyalty: 0.1, procedure: 0.2, talk: 0.6 },
      briefing:
        "## Kenya\n\nYour Internet economy is booming on an open Internet. Most of your African partners will sign; you suspect the Internet resolution is a step too far.\n\n**Red line.** No Internet text (IG above +0.1).\n\n**What you want.** Roaming transparency, development.\n\n**Watch out.** Refusing to sign sets you apart from the ATU." + NOTE,
    },
  },
  SAU: {
    influence: 6,
    fields: {
      stance: vec(0.9, 0.7, 0.9, 0.8, 0.4, 0.8, -0.5),
      weights: vec(0.25, 0.1, 0.25, 0.15, 0.05, 0.15, 0.05),
      redLines: [],
      objectives: [{ id: "spam", text: "The spam article (W3) is adopted.", bonus: 0.1, when: { adopted: "W3" } }],
      personality: { concession: "linear", loyalty: 0.5, procedure: 0.5, talk: 0.7 },
      briefing:
        "## Saudi Arabia\n\nYou lead the Arab group, co-author of the joint Internet proposal. Governments, you argue, must be able to protect their networks and their people, from spam to security threats.\n\n**What you want.** The spam and security articles; a strong Internet resolution (W5b).\n\n**Cards.** The Arab group's 21 votes." + NOTE,
    },
  },
};
