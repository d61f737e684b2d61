#!/usr/bin/env node
// The `plenipo` command. Node 20 cannot run TypeScript itself, so the sources load through tsx (a dependency):
// nothing to build after `npm install`, and the command always runs the code in the checkout.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
