import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(fileURLToPath(import.meta.url));
const at = (p: string) => join(ROOT, p);
import { gzipSync } from "node:zlib";

/**
 * `npm run build` (also run by `npm start` before serving): the browser client, and the engine alone (which
 * proves shared/ needs nothing from Node: it is built for the browser platform).
 */
export async function buildClient(options: { quiet?: boolean } = {}): Promise<{ file: string; raw: number; gzip: number }[]> {
  // A clean folder: chunk names carry a hash, so old ones would pile up.
  rmSync(at("dist/client"), { recursive: true, force: true });
  mkdirSync(at("dist/client"), { recursive: true });
  await build({
    entryPoints: { app: at("client/main.ts") },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    // Phaser goes in its own chunk, loaded by the screens that draw the hall (client/hall/load.ts).
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    outdir: at("dist/client"),
    logLevel: "warning",
    metafile: false,
  });
  copyFileSync(at("client/index.html"), at("dist/client/index.html"));
  await build({ entryPoints: [at("shared/browser.ts")], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2020", outfile: at("dist/engine.js"), logLevel: "warning" });
  const chunks = readdirSync(at("dist/client/chunks")).filter((f) => f.endsWith(".js")).map((f) => `dist/client/chunks/${f}`);
  const sizes = ["dist/client/app.js", ...chunks, "dist/client/app.css", "dist/engine.js"].map((file) => {
    const bytes = readFileSync(at(file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
  if (!options.quiet) for (const s of sizes) console.log(`${s.file}: ${(s.raw / 1024).toFixed(1)} KB, ${(s.gzip / 1024).toFixed(1)} KB gzip`);
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildClient();
