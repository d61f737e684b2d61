/**
 * What a person has half-done in a panel — text typed, a method chosen, boxes ticked, a section unfolded, the
 * caret, the control they are on — carried across a re-render. In a live plenary the room moves every second;
 * a panel that rebuilds its buttons must not throw away the objection a student is writing, nor drop the
 * keyboard back to the top of the page.
 *
 * Fields are matched by their aria-label (every field has one), checkboxes by their value, <details> by class.
 * Buttons and links are matched by their id, aria-label or words; counts in the words ("Close the vote (3 of
 * 8 voted)") may change between renders.
 */
interface Kept {
  values: Map<string, string>;
  checked: Map<string, boolean>;
  open: Map<string, boolean>;
  focus: { key: string; loose: string; after: string[]; before: string[]; start: number | null; end: number | null } | null;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const FOCUSABLE = "input, select, textarea, button, a[href], summary, [tabindex]:not([tabindex='-1'])";

function isField(el: Element): el is Field {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

function fieldKey(f: Field): string | null {
  if (f instanceof HTMLInputElement && f.type === "checkbox") return `checkbox:${f.value}`;
  return f.getAttribute("aria-label");
}

/** What names a control for a person: its field key, or for a button, link or summary its id, label or words. */
function nameOf(el: Element): string {
  if (isField(el)) return `${el.tagName}:${fieldKey(el) ?? el.id}`;
  if (el.tagName === "SUMMARY") return `SUMMARY:${el.parentElement?.className ?? ""}`;
  return `${el.tagName}:${el.id || el.getAttribute("aria-label") || (el.textContent ?? "").trim()}`;
}

const loosely = (key: string) => key.replace(/\d+/g, "#");

function fields(root: HTMLElement): Field[] {
  return [...root.querySelectorAll<Field>("input, select, textarea")];
}

/** The controls a keyboard reaches, each with a key that is unique in the panel (a repeated name is numbered). */
function controls(root: HTMLElement): { el: HTMLElement; key: string; loose: string }[] {
  const seen = new Map<string, number>();
  const looseSeen = new Map<string, number>();
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)]
    .filter((el) => !(el as HTMLButtonElement).disabled)
    .map((el) => {
      const name = nameOf(el);
      const loose = loosely(name);
      const n = seen.get(name) ?? 0;
      const k = looseSeen.get(loose) ?? 0;
      seen.set(name, n + 1);
      looseSeen.set(loose, k + 1);
      return { el, key: `${name}#${n}`, loose: `${loose}#${k}` };
    });
}

export function keep(root: HTMLElement): Kept {
  const kept: Kept = { values: new Map(), checked: new Map(), open: new Map(), focus: null };
  for (const f of fields(root)) {
    const key = fieldKey(f);
    if (!key) continue;
    if (f instanceof HTMLInputElement && f.type === "checkbox") kept.checked.set(key, f.checked);
    else kept.values.set(key, f.value);
  }
  for (const d of root.querySelectorAll("details")) if (d.className) kept.open.set(d.className, d.open);
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== root && root.contains(active)) {
    const list = controls(root);
    const i = list.findIndex((c) => c.el === active);
    const text = active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && (active.type === "text" || active.type === "search")) ? active : null;
    if (i >= 0) {
      kept.focus = {
        key: list[i]?.key ?? "",
        loose: list[i]?.loose ?? "",
        // Where to go if this control is gone (the vote was cast, the offer accepted): the next one that is
        // still there, else the one before it.
        after: list.slice(i + 1, i + 6).map((c) => c.key),
        before: list.slice(Math.max(0, i - 5), i).reverse().map((c) => c.key),
        start: text?.selectionStart ?? null,
        end: text?.selectionEnd ?? null,
      };
    }
  }
  return kept;
}

export function restore(root: HTMLElement, kept: Kept): void {
  for (const f of fields(root)) {
    const key = fieldKey(f);
    if (!key) continue;
    if (f instanceof HTMLInputElement && f.type === "checkbox") {
      const was = kept.checked.get(key);
      if (was !== undefined) f.checked = was;
      continue;
    }
    const was = kept.values.get(key);
    if (was === undefined || was === f.value) continue;
    // A choice that is no longer offered is not forced back.
    if (f instanceof HTMLSelectElement && ![...f.options].some((o) => o.value === was)) continue;
    f.value = was;
  }
  for (const d of root.querySelectorAll("details")) {
    const was = kept.open.get(d.className);
    if (was !== undefined) d.open = was;
  }
  const focus = kept.focus;
  if (!focus || root.contains(document.activeElement)) return;
  // The re-render took the focused control away; nobody else took the focus meanwhile (it is on the body).
  if (document.activeElement && document.activeElement !== document.body) return;
  const list = controls(root);
  const byKey = new Map(list.map((c) => [c.key, c.el]));
  const target =
    byKey.get(focus.key) ??
    list.find((c) => c.loose === focus.loose)?.el ??
    focus.after.map((k) => byKey.get(k)).find(Boolean) ??
    focus.before.map((k) => byKey.get(k)).find(Boolean) ??
    null;
  if (!target) {
    // Nothing left to stand on: the panel itself, so the next Tab starts from here, not from the top.
    if (!root.hasAttribute("tabindex")) root.tabIndex = -1;
    root.focus({ preventScroll: true });
    return;
  }
  target.focus({ preventScroll: true });
  if (target === byKey.get(focus.key) && (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && (target.type === "text" || target.type === "search")))) {
    target.setSelectionRange(focus.start, focus.end);
  }
}
