/**
 * What a person has half-done in a panel — text typed, a method chosen, boxes ticked, a section unfolded, the
 * caret — carried across a re-render. In a live plenary the room moves every second; a panel that rebuilds
 * its buttons must not throw away the objection a student is writing.
 *
 * Fields are matched by their aria-label (every field has one), checkboxes by their value, <details> by class.
 */
interface Kept {
  values: Map<string, string>;
  checked: Map<string, boolean>;
  open: Map<string, boolean>;
  focus: { key: string; start: number | null; end: number | null } | null;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function keyOf(f: Field): string | null {
  if (f instanceof HTMLInputElement && f.type === "checkbox") return `checkbox:${f.value}`;
  return f.getAttribute("aria-label");
}

function fields(root: HTMLElement): Field[] {
  return [...root.querySelectorAll<Field>("input, select, textarea")];
}

export function keep(root: HTMLElement): Kept {
  const kept: Kept = { values: new Map(), checked: new Map(), open: new Map(), focus: null };
  for (const f of fields(root)) {
    const key = keyOf(f);
    if (!key) continue;
    if (f instanceof HTMLInputElement && f.type === "checkbox") kept.checked.set(key, f.checked);
    else kept.values.set(key, f.value);
  }
  for (const d of root.querySelectorAll("details")) if (d.className) kept.open.set(d.className, d.open);
  const active = document.activeElement;
  if (active && root.contains(active) && (active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLTextAreaElement)) {
    const key = keyOf(active);
    const text = active instanceof HTMLSelectElement || (active instanceof HTMLInputElement && active.type === "checkbox") ? null : active;
    if (key) kept.focus = { key, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null };
  }
  return kept;
}

export function restore(root: HTMLElement, kept: Kept): void {
  for (const f of fields(root)) {
    const key = keyOf(f);
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
  if (kept.focus && !root.contains(document.activeElement)) {
    const target = fields(root).find((f) => keyOf(f) === kept.focus?.key);
    if (target) {
      target.focus();
      if ((target instanceof HTMLInputElement && target.type === "text") || target instanceof HTMLTextAreaElement) {
        target.setSelectionRange(kept.focus.start, kept.focus.end);
      }
    }
  }
}
