import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

/**
 * `npm run build`: bundles what runs in a browser. The engine bundle proves shared/ needs no Node at all (it
 * is built for the browser platform: a Node import would fail here).
 */
const bundles = [{ entry: "shared/browser.ts", out: "dist/engine.js" }];

for (const b of bundles) {
  await build({ entryPoints: [b.entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2020", outfile: b.out, logLevel: "warning" });
  const bytes = readFileSync(b.out);
  console.log(`${b.out}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip`);
}
