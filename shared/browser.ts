/** What a browser takes from shared/: the engine, the log reader and replay, the scenario loader. */
export * from "./engine/index.ts";
export { formatLog, parseLog, type GameLog, type LogEntry } from "./log/format.ts";
export { replay } from "./log/replay.ts";
export { publicExport } from "./log/publicExport.ts";
export { loadScenario, loadScenarioText } from "./scenario/load.ts";
export { summarize } from "./sim/summary.ts";
