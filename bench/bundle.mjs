// Runs a TypeScript benchmark as the production code runs: bundled by esbuild, executed by plain Node
// (a TypeScript loader would add its own overhead to the engine's side of every ratio).
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

const entry = process.argv[2];
if (!entry) throw new Error("usage: node bench/bundle.mjs bench/<file>.ts [args…]");
mkdirSync("node_modules/.cache/plenipo-bench", { recursive: true });
const outfile = `node_modules/.cache/plenipo-bench/${entry.replace(/[\\/]/g, "_")}.mjs`;
await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", outfile, packages: "external", logLevel: "warning" });
await import(pathToFileURL(outfile).href);
