import { vec } from "./common.ts";

/**
 * The twelve delegations a person can play at Busan: their cards (after research/domain.md §5.2), private
 * objectives and briefings, in our own words. A bot plays any of them that nobody takes, with the same card.
 */

const NOTE = "\n\n*Positions follow public reporting on the conference; the numbers are this game's reading of them, and items marked [M] are not verified.*";

export const PLAYABLE_BUSAN: Record<string, { influence: number; fields: Record<string, unknown> }> = {
  USA: {
    influence: 9,
    fields: {
      stance: vec(-1, -0.9, -1, -0.7, 0.3, -1, 1),
      weights: vec(0.25, 0.2, 0.25, 0.1, 0.05, 0.05, 0.1),
      redLines: [
        { dimension: "CYB", atMost: 0.1 },
        { dimension: "DNS", atMost: -0.1 },
        { dimension: "ITR", atMost: 0.3 },
      ],
      objectives: [
        { id: "no-vote-internet", text: "The Internet item is settled without a formal vote.", bonus: 0.1, when: { noVote: "internet" } },
        { id: "transparency", text: "The transparency text (P5) is adopted.", bonus: 0.1, when: { adopted: "P5" } },
        { id: "softened-102", text: "Resolution 102 is softened by P1a or P1b.", bonus: 0.05, when: { any: [{ adopted: "P1a" }, { adopted: "P1b" }] } },
      ],
      personality: { concession: "boulware", loyalty: 0, procedure: 0.4, talk: 0.8 },
      briefing:
        "## United States\n\nYou lead the multistakeholder camp. Your capital's four goals: no change to the ITU's Constitution that reaches into the Internet; no larger ITU role in Internet governance or cybersecurity; a more open, better-run ITU; and your candidates elected.\n\n**Red lines.** No new ITU security instrument (CYB above +0.1), no ITU or national role in names and addresses (DNS above −0.1), no new treaty conference (ITR above +0.3).\n\n**Cards.** Europe, Japan, Australia and Canada follow your lead. Swing states care more about development money than about governance: support for Connect 2020 or Ebola costs you little.\n\n**Watch out.** Under consensus one objection from you is enough; under one country, one vote you are one of about 175." + NOTE,
    },
  },
  DEU: {
    influence: 8,
    fields: {
      stance: vec(-0.8, -0.6, -0.8, -0.6, 0.3, -1, 1),
      weights: vec(0.2, 0.1, 0.15, 0.05, 0.05, 0.25, 0.2),
      redLines: [
        { dimension: "RTS", atMost: 0.3 },
        { dimension: "DNS", atMost: -0.1 },
        { dimension: "CYB", atMost: 0.1 },
        { dimension: "ITR", atMost: 0.3 },
      ],
      objectives: [
        { id: "transparency", text: "The transparency text (P5) is adopted.", bonus: 0.1, when: { adopted: "P5" } },
        { id: "facilitating", text: "Your amendment P1a, a facilitating role, is adopted.", bonus: 0.1, when: { adopted: "P1a" } },
      ],
      personality: { concession: "boulware", loyalty: 0.6, procedure: 0.3, talk: 0.6 },
      briefing:
        "## Germany (for the European Union)\n\nYou speak for an EU that coordinates through CEPT, Europe's 47 administrations in this game. Human rights online and an open ITU matter most to you; you stand with the United States on Internet governance, a little less loudly.\n\n**Red lines.** No text that lets governments regulate content (RTS above +0.3); no ITU role in names and addresses, no security instrument, no new treaty conference.\n\n**Cards.** CEPT's many votes, and development money: Europe funds much of the ITU's development work.\n\n**Watch out.** Some of your CEPT partners lean East on security." + NOTE,
    },
  },
  CHN: {
    influence: 8,
    fields: {
      stance: vec(0.7, 0.6, 0.5, 0.5, 0.5, 0.8, -0.3),
      weights: vec(0.25, 0.15, 0.1, 0.1, 0.1, 0.25, 0.05),
      redLines: [],
      objectives: [
        { id: "study-group", text: "Your security compromise P3b is adopted.", bonus: 0.1, when: { adopted: "P3b" } },
        { id: "connect", text: "Connect 2020 (P7) is adopted.", bonus: 0.05, when: { adopted: "P7" } },
      ],
      personality: { concession: "linear", loyalty: 0.4, procedure: 0.2, talk: 0.5 },
      briefing:
        "## China\n\nYour candidate for Secretary-General runs unopposed: you want a calm, successful conference and nobody pointing at you as the one who blocked it. You share the sovereigntist camp's view that governments should have a say over the Internet, but you prefer quiet support to loud objections.\n\n**What you want.** A larger ITU role on the Internet and on security, sovereignty language, and a smooth election.\n\n**Cards.** Weight with the Asia-Pacific and developing countries. Your study-group compromise on security (P3b) can bridge the camps.\n\n**Watch out.** Being the sole objector costs you points." + NOTE,
    },
  },
  RUS: {
    influence: 7,
    fields: {
      stance: vec(1, 0.9, 0.8, 0.8, 0.3, 0.9, -0.5),
      weights: vec(0.3, 0.25, 0.2, 0.1, 0.03, 0.1, 0.02),
      redLines: [{ not_adopted: "P1a" }],
      objectives: [{ id: "leading-role", text: "The words 'leading role' survive: P1 is adopted without P1a.", bonus: 0.1, when: { all: [{ adopted: "P1" }, { not_adopted: "P1a" }] } }],
      personality: { concession: "boulware", loyalty: 0, procedure: 0.6, talk: 0.8 },
      briefing:
        "## Russian Federation\n\nYou lead the sovereigntist camp and the RCC. Governments, through the ITU, should have an equal say in how the Internet is run, and the ITU should prepare an instrument on ICT security.\n\n**Red line.** No text that makes the multistakeholder model the only model (the facilitating-role amendment P1a).\n\n**Cards.** The RCC and the Arab group move with you; China sympathises. Under one country, one vote, the developing world may side with you on Internet governance.\n\n**Watch out.** Under consensus, a single Western objection stops your texts: a formal vote request is a weapon, but it breaks the Busan mood." + NOTE,
    },
  },
  IRN: {
    influence: 5,
    fields: {
      stance: vec(1, 0.8, 0.8, 0.8, 0.4, 1, -0.6),
      weights: vec(0.25, 0.15, 0.1, 0.1, 0.03, 0.35, 0.02),
      redLines: [],
      objectives: [{ id: "vote-forced", text: "A formal vote is held on the Internet item.", bonus: 0.05, when: { not: { noVote: "internet" } } }],
      personality: { concession: "boulware", loyalty: 0.6, procedure: 0.9, talk: 0.7 },
      briefing:
        "## Iran\n\nYou are the camp's hardliner. Sovereignty over networks, and a state's right to reach international telecommunication services despite sanctions, matter more to you than anything else.\n\n**What you want.** The strongest possible ITU and government role; sovereignty language wherever it fits.\n\n**Cards.** You are willing to do what others avoid: ask for a formal vote, even a roll-call.\n\n**Watch out.** A vote request needs the meeting's leave; swing states dislike breaking consensus." + NOTE,
    },
  },
  IND: {
    influence: 7,
    fields: {
      stance: vec(0.4, 0.8, 0.6, 0, 0.6, 0.1, 0.3),
      weights: vec(0.1, 0.3, 0.3, 0.03, 0.2, 0.02, 0.05),
      redLines: [],
      objectives: [{ id: "secure-society", text: "Your secure-information-society text (P2, or its study version P2a) is adopted.", bonus: 0.1, when: { any: [{ adopted: "P2" }, { adopted: "P2a" }] } }],
      personality: { concession: "linear", loyalty: 0, procedure: 0.3, talk: 0.7 },
      briefing:
        "## India\n\nYou belong to neither camp. You want the ITU to help with security and with a fairer allocation of Internet addresses, and you tabled your own text on a secure information society (P2). Your IT industry, though, likes the open Internet as it is.\n\n**What you want.** P2 adopted, or at least turned into a study (P2a); development money.\n\n**Cards.** Both camps need your vote and your voice.\n\n**Watch out.** The West reads your addressing and routing paragraphs as a step towards a fragmented Internet." + NOTE,
    },
  },
  BRA: {
    influence: 6,
    fields: {
      stance: vec(0.3, 0.2, 0.4, 0.3, 0.7, -0.3, 0.5),
      weights: vec(0.15, 0.05, 0.2, 0.05, 0.3, 0.1, 0.15),
      redLines: [],
      objectives: [{ id: "bridge", text: "Your bridging amendment P1b is adopted.", bonus: 0.1, when: { adopted: "P1b" } }],
      personality: { concession: "conceder", loyalty: 0, procedure: 0.3, talk: 0.7 },
      briefing:
        "## Brazil\n\nYou hosted NETmundial in 2014 and you build bridges: more government say on the Internet after the surveillance revelations, but with everyone at the table. Development is your first concern.\n\n**What you want.** Your compromise on Resolution 102 (P1b); development programmes; a more open ITU.\n\n**Cards.** Credibility with both camps and with the swing states of the Americas.\n\n**Watch out.** Bridges are walked on from both sides." + NOTE,
    },
  },
  GHA: {
    influence: 4,
    fields: {
      stance: vec(0.2, 0.4, 0.2, 0.3, 0.9, 0.1, 0.3),
      weights: vec(0.1, 0.2, 0.05, 0.05, 0.5, 0.05, 0.05),
      redLines: [{ dimension: "DEV", atLeast: 0.3 }],
      objectives: [
        { id: "connect", text: "Connect 2020 (P7) is adopted.", bonus: 0.1, when: { adopted: "P7" } },
        { id: "capacity", text: "Your capacity-building text P3a is adopted.", bonus: 0.05, when: { adopted: "P3a" } },
      ],
      personality: { concession: "conceder", loyalty: 0.3, procedure: 0.2, talk: 0.6 },
      briefing:
        "## Ghana\n\nYou are one of Africa's brokers: the ATU's 53 members in this game listen to you. Governance debates matter less to you than connecting people and building skills.\n\n**Red line.** No cut to development work (DEV below +0.3).\n\n**What you want.** Connect 2020, capacity building on security (P3a), Ebola support.\n\n**Cards.** Votes for sale, in the best sense: support for development buys your support elsewhere. Use the Deals tab." + NOTE,
    },
  },
  SAU: {
    influence: 6,
    fields: {
      stance: vec(0.9, 0.7, 0.9, 0.7, 0.4, 0.8, -0.5),
      weights: vec(0.25, 0.15, 0.35, 0.1, 0.03, 0.1, 0.02),
      redLines: [],
      objectives: [{ id: "res-102", text: "Your Resolution 102 text (P1) is adopted, in any form.", bonus: 0.1, when: { adopted: "P1" } }],
      personality: { concession: "linear", loyalty: 0.5, procedure: 0.5, talk: 0.7 },
      briefing:
        "## Saudi Arabia\n\nYou lead the Arab group. For years you have argued that all governments should have an equal role in Internet matters, including the root zone and the distribution of IP addresses. The IANA transition announced in 2014 is your opening.\n\n**What you want.** Resolution 102 with a leading role for the ITU (P1), names and numbers under public oversight.\n\n**Cards.** The Arab group's votes; common ground with the RCC.\n\n**Watch out.** Europe will not accept a closed working group." + NOTE,
    },
  },
  KOR: {
    influence: 6,
    fields: {
      stance: vec(-0.3, 0.1, -0.4, -0.2, 0.6, -0.2, 0.4),
      weights: vec(0.15, 0.1, 0.15, 0.05, 0.3, 0.05, 0.2),
      redLines: [],
      objectives: [
        { id: "consensus-internet", text: "The Internet item is settled without a vote.", bonus: 0.1, when: { noVote: "internet" } },
        { id: "consensus-security", text: "The security item is settled without a vote.", bonus: 0.1, when: { noVote: "security" } },
      ],
      personality: { concession: "conceder", loyalty: 0, procedure: 0.1, talk: 0.5 },
      briefing:
        "## Republic of Korea (host)\n\nYou host the conference and its chair comes from your delegation: success means every item settled by consensus. You lean towards the multistakeholder side, but your first loyalty is to a smooth conference.\n\n**What you want.** No votes; compromises that everyone can live with (P2a, P4a); a more open ITU.\n\n**Cards.** Goodwill, and the chair's ear.\n\n**Watch out.** A formal vote on an Internet item would be a loss of face." + NOTE,
    },
  },
  ARE: {
    influence: 5,
    fields: {
      stance: vec(0.7, 0.5, 0.6, 0.7, 0.3, 0.6, -0.3),
      weights: vec(0.2, 0.1, 0.1, 0.4, 0.05, 0.1, 0.05),
      redLines: [],
      objectives: [{ id: "wcit", text: "A new treaty conference is convened (P4 adopted, not as the review P4a).", bonus: 0.1, when: { all: [{ adopted: "P4" }, { not_adopted: "P4a" }] } }],
      personality: { concession: "linear", loyalty: 0.6, procedure: 0.4, talk: 0.6 },
      briefing:
        "## United Arab Emirates\n\nYou hosted and chaired the 2012 treaty conference in Dubai, where 55 countries refused to sign. You do not want those Regulations declared dead, and you would like to host the next Plenipotentiary.\n\n**What you want.** A new treaty conference (P4); a role for governments on the Internet.\n\n**Cards.** Goodwill in the Arab group and among the treaty's 89 signatories.\n\n**Watch out.** The West sees any new WCIT as a rerun of Dubai." + NOTE,
    },
  },
  KEN: {
    influence: 4,
    fields: {
      stance: vec(-0.5, 0, -0.5, -0.5, 0.7, -0.4, 0.6),
      weights: vec(0.3, 0.05, 0.1, 0.03, 0.4, 0.02, 0.1),
      redLines: [],
      objectives: [
        { id: "connect", text: "Connect 2020 (P7) is adopted.", bonus: 0.1, when: { adopted: "P7" } },
        { id: "capacity", text: "Capacity building on security (P3a) is adopted.", bonus: 0.05, when: { adopted: "P3a" } },
      ],
      personality: { concession: "conceder", loyalty: 0.2, procedure: 0.2, talk: 0.5 },
      briefing:
        "## Kenya\n\nYou host a lively Internet community and refused to sign the Dubai treaty in 2012. You lean towards the multistakeholder model, but your priority is development.\n\n**What you want.** Connect 2020, capacity building, an open ITU.\n\n**Cards.** A credible African voice for the open Internet.\n\n**Watch out.** Most of your ATU partners lean the other way on governance." + NOTE,
    },
  },
};
