import type { z } from "zod";
import { own } from "../util/own.ts";
import { predicateRefs, type Predicate } from "./predicate.ts";
import { templateBloc } from "./resolve.ts";
import type { ParsedScenario } from "./schema.ts";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** The fields that hold a record keyed by dimension id: stance and weights (delegations, templates), effects. */
const DIMENSION_RECORDS = new Set(["stance", "weights", "effects"]);

function unknownDimension(key: string, dims: Iterable<string>): string {
  return `unknown dimension "${key}" (known: ${[...dims].join(", ")})`;
}

/**
 * A "__proto__" key in a record keyed by dimension id, which zod drops without a word (a strict object
 * reports it as an unrecognized key itself). `protoKeys` are the paths of every such key in the raw file,
 * `json` the raw file, for the dimensions it declares.
 */
export function prototypeKeyIssues(protoKeys: readonly Path[], json: unknown): { path: Path; message: string }[] {
  const inRecords = protoKeys.filter((path) => DIMENSION_RECORDS.has(String(path[path.length - 2])));
  if (inRecords.length === 0) return [];
  const declared = (json as { dimensions?: unknown }).dimensions;
  const dims = Array.isArray(declared) ? declared.map((d) => (d as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === "string") : [];
  return inRecords.map((path) => ({ path, message: unknownDimension("__proto__", dims) }));
}

/** Reports every id that appears twice in a list, at the path of its second appearance. */
function unique(items: readonly { id: string }[], at: Path, what: string, report: Report, seen = new Map<string, Path>()) {
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first) report([...at, i, "id"], `duplicate ${what} id "${item.id}" (first at ${first.join(".")})`);
    else seen.set(item.id, [...at, i, "id"]);
  });
  return seen;
}

/**
 * The checks a field schema cannot make: every reference resolves, ids are unique, stances and weights are
 * complete once templates apply. Each problem is reported at the exact path of the field that is wrong.
 */
export function crossCheck(s: ParsedScenario, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: "custom", path, message });

  unique(s.dimensions, ["dimensions"], "dimension", report);
  unique(s.blocs, ["blocs"], "bloc", report);
  unique(s.delegations, ["delegations"], "delegation", report);
  unique(s.agenda, ["agenda"], "agenda item", report);
  // Proposals and amendments share one namespace: actions name either by id alone.
  const targetIds = unique(s.proposals, ["proposals"], "proposal or amendment", report);
  s.proposals.forEach((p, i) => unique(p.amendments, ["proposals", i, "amendments"], "proposal or amendment", report, targetIds));

  const dims = new Set(s.dimensions.map((d) => d.id));
  const blocs = new Set(s.blocs.map((b) => b.id));
  const delegations = new Set(s.delegations.map((d) => d.id));
  const items = new Set(s.agenda.map((a) => a.id));
  const proposals = new Set(s.proposals.map((p) => p.id));

  const checkDelegation = (id: string, path: Path) => {
    if (!delegations.has(id)) report(path, `unknown delegation "${id}"`);
  };
  const checkDimensionKeys = (record: Record<string, number> | undefined, path: Path) => {
    for (const key of Object.keys(record ?? {})) {
      if (!dims.has(key)) report([...path, key], unknownDimension(key, dims));
    }
  };
  const checkPredicate = (p: Predicate, path: Path) => {
    for (const ref of predicateRefs(p, path)) {
      const known =
        ref.kind === "target" ? targetIds.has(ref.id)
        : ref.kind === "dimension" ? dims.has(ref.id)
        : ref.kind === "item" ? items.has(ref.id)
        : delegations.has(ref.id);
      const noun = ref.kind === "target" ? "proposal or amendment" : ref.kind === "item" ? "agenda item" : ref.kind;
      if (!known) report(ref.path, `unknown ${noun} "${ref.id}"`);
    }
  };

  s.blocs.forEach((b, i) => {
    if (b.leader !== undefined) checkDelegation(b.leader, ["blocs", i, "leader"]);
    checkDimensionKeys(b.template?.stance, ["blocs", i, "template", "stance"]);
    checkDimensionKeys(b.template?.weights, ["blocs", i, "template", "weights"]);
    b.template?.redLines?.forEach((p, j) => checkPredicate(p, ["blocs", i, "template", "redLines", j]));
  });

  const proxyHolders = new Map<string, string>();
  s.delegations.forEach((d, i) => {
    const at: Path = ["delegations", i];
    d.blocs.forEach((b, j) => {
      if (!blocs.has(b)) report([...at, "blocs", j], `unknown bloc "${b}"`);
    });
    if (d.template !== undefined) {
      const bloc = s.blocs.find((b) => b.id === d.template);
      if (!bloc) report([...at, "template"], `unknown bloc "${d.template}"`);
      else if (!bloc.template) report([...at, "template"], `bloc "${d.template}" has no template`);
    }
    if (d.proxyTo !== undefined) {
      if (d.proxyTo === d.id) report([...at, "proxyTo"], "a delegation cannot hold its own proxy");
      else if (!delegations.has(d.proxyTo)) report([...at, "proxyTo"], `unknown delegation "${d.proxyTo}"`);
      else {
        const other = proxyHolders.get(d.proxyTo);
        if (other) report([...at, "proxyTo"], `${d.proxyTo} already holds the proxy of ${other}; a delegation holds at most one`);
        else proxyHolders.set(d.proxyTo, d.id);
        const holder = s.delegations.find((x) => x.id === d.proxyTo);
        if (holder?.proxyTo !== undefined) report([...at, "proxyTo"], `${d.proxyTo} has itself given its proxy away`);
        if (holder && !holder.present) report([...at, "proxyTo"], `${d.proxyTo} is not present to cast this vote`);
      }
    }
    checkDimensionKeys(d.stance, [...at, "stance"]);
    checkDimensionKeys(d.weights, [...at, "weights"]);
    const template = templateBloc(d, s.blocs)?.template;
    for (const dim of dims) {
      const where = template ? ` or in the template of bloc "${templateBloc(d, s.blocs)?.id}"` : "";
      // Own entries only: a dimension may be called "constructor", which every object seems to have.
      if (own(d.stance, dim) === undefined && own(template?.stance ?? {}, dim) === undefined) {
        report([...at, "stance", dim], `no stance on dimension ${dim} here${where}`);
      }
      if (own(d.weights, dim) === undefined && own(template?.weights ?? {}, dim) === undefined) {
        report([...at, "weights", dim], `no weight on dimension ${dim} here${where}`);
      }
    }
    d.redLines.forEach((p, j) => checkPredicate(p, [...at, "redLines", j]));
    unique(d.objectives, [...at, "objectives"], "objective", report);
    d.objectives.forEach((o, j) => checkPredicate(o.when, [...at, "objectives", j, "when"]));
  });
  if (!s.delegations.some((d) => d.present)) report(["delegations"], "no delegation is present");

  if (s.chair.delegation !== undefined) checkDelegation(s.chair.delegation, ["chair", "delegation"]);

  s.proposals.forEach((p, i) => {
    const at: Path = ["proposals", i];
    p.sponsors.forEach((d, j) => checkDelegation(d, [...at, "sponsors", j]));
    checkDimensionKeys(p.effects, [...at, "effects"]);
    p.amendments.forEach((a, j) => {
      a.sponsors.forEach((d, k) => checkDelegation(d, [...at, "amendments", j, "sponsors", k]));
      checkDimensionKeys(a.effects, [...at, "amendments", j, "effects"]);
    });
  });

  const placed = new Map<string, Path>();
  s.agenda.forEach((item, i) => {
    item.proposals.forEach((id, j) => {
      const path: Path = ["agenda", i, "proposals", j];
      if (!proposals.has(id)) {
        report(path, targetIds.has(id) ? `"${id}" is an amendment; list its proposal instead` : `unknown proposal "${id}"`);
        return;
      }
      const first = placed.get(id);
      if (first) report(path, `proposal "${id}" is already on the agenda at ${first.join(".")}`);
      else placed.set(id, path);
    });
  });
  s.proposals.forEach((p, i) => {
    if (!placed.has(p.id)) report(["proposals", i, "id"], `proposal "${p.id}" is on no agenda item`);
  });

  s.history?.decisions.forEach((d, i) => {
    if (!targetIds.has(d.target)) report(["history", "decisions", i, "target"], `unknown proposal or amendment "${d.target}"`);
  });
}
