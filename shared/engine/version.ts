/** The engine's version, written in every log header. A log of another major version is refused. */
export const ENGINE_VERSION = "0.1.0";

export function majorOf(version: string): number {
  return Number.parseInt(version.split(".")[0] ?? "", 10);
}
