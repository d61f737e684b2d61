/**
 * Engine versions and the rule gates between them (DESIGN §2, docs/log-format.md "Versions and gates").
 *
 * A log replays under the rules of the engine version in its header, never under today's: a game played last
 * term must rebuild the same state after any rule change. So a rule change does not replace the old rule; it
 * adds a named gate that says from which version the new rule holds, and the code keeps both branches:
 *
 *   if (since(c.s, "rollCallTurns")) { …the new rule… } else { …the rule of older logs… }
 *
 * (the way the Gaia Project engine gates its rules with isVersionOrLater). A version this engine does not
 * know — a log from a newer Plenipo, or a typo — is refused, never replayed into a wrong state.
 */

/** Every version this engine replays, oldest first. The last one is the version it plays and writes. */
export const ENGINE_VERSIONS = ["0.1.0", "0.2.0", "0.3.0"] as const;
export type EngineVersion = (typeof ENGINE_VERSIONS)[number];

export const ENGINE_VERSION: EngineVersion = ENGINE_VERSIONS[ENGINE_VERSIONS.length - 1] as EngineVersion;

/**
 * Rule changes by name, each with the first version that plays the new rule. Logs of older versions keep
 * the old rule. Add a gate with the version bump that brings its rule; never edit or remove one.
 */
export const GATES = {
  /** Roll-calls call each voter in a turn of its own, pass a silent one and call it again at the end, and close themselves. */
  rollCallTurns: "0.2.0",
  /** An open offer lapses once a text it names is decided (its terms can no longer be kept). */
  offersLapse: "0.2.0",
  /** One delegation may raise only so many points of order, appeals and motions per item. */
  proceduralLimits: "0.2.0",
  /** "adopted as amended by A1b"; a re-vote says that abstentions are set aside. */
  decisionWording: "0.2.0",
  /**
   * A broken pledge about a secret ballot costs nothing in the score: only its two parties can know of it, so
   * a public score must not reveal it (DESIGN §4).
   */
  secretPledgesUnscored: "0.3.0",
} as const satisfies Record<string, EngineVersion>;
export type GateName = keyof typeof GATES;

export function isKnownVersion(version: string): version is EngineVersion {
  return (ENGINE_VERSIONS as readonly string[]).includes(version);
}

/** Compares two "major.minor.patch" versions numerically: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `version` is `first` or later: the test behind every gate. */
export function isVersionOrLater(version: string, first: string): boolean {
  return compareVersions(version, first) >= 0;
}

/** Whether the rule behind `gate` applies to this game (its state's engine version, from the log header). */
export function since(s: { engine: string }, gate: GateName): boolean {
  return isVersionOrLater(s.engine, GATES[gate]);
}

/** Why a log of `version` cannot be replayed here, in a sentence a teacher understands; null when it can. */
export function unknownVersionMessage(version: string): string | null {
  if (isKnownVersion(version)) return null;
  const known = ENGINE_VERSIONS.join(", ");
  const newer = compareVersions(version, ENGINE_VERSION) > 0;
  return newer
    ? `This log was written by engine ${version}, newer than this one (${ENGINE_VERSION}): update Plenipo to replay it (this engine replays ${known}).`
    : `This log says it was written by engine ${version}, which this engine (${ENGINE_VERSION}) does not know: it replays logs of ${known} only.`;
}
