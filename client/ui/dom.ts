/** A small hyperscript: h("button", { class: "primary", onclick }, "Vote yes"). Text is always escaped. */
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown> & { class?: string; style?: string };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "class") el.className = String(v);
    else if (k === "style") el.setAttribute("style", String(v));
    else if (v === true) el.setAttribute(k, "");
    else if (k in el && typeof v !== "string") (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A short-lived message at the bottom of the screen (answers to actions, notices). */
export function toast(text: string, kind: "ok" | "refused" | "info" = "info"): void {
  let box = document.getElementById("toasts");
  if (!box) {
    box = h("div", { id: "toasts", role: "status", "aria-live": "polite" });
    document.body.append(box);
  }
  const t = h("div", { class: `toast ${kind}` }, text);
  box.append(t);
  setTimeout(() => t.classList.add("fade"), 4200);
  setTimeout(() => t.remove(), 5000);
}

/**
 * A wide table that scrolls sideways in its own box on a narrow screen (styles.css, `.scroll-x`) instead of
 * widening a phone's page. It is named, and focusable while it actually scrolls, so a keyboard can scroll it
 * too; when it fits it is no extra tab stop.
 */
export function sideways<T extends HTMLElement>(table: T, label: string): T {
  table.classList.add("scroll-x");
  table.setAttribute("aria-label", label);
  new ResizeObserver(() => {
    // Out of the page (another tab is shown) it measures nothing; it is measured again when it comes back.
    if (!table.isConnected) return;
    const scrolls = table.scrollWidth > table.clientWidth + 1;
    if (scrolls && table.tabIndex !== 0) table.tabIndex = 0;
    else if (!scrolls && table.hasAttribute("tabindex")) table.removeAttribute("tabindex");
  }).observe(table);
  return table;
}

/**
 * Markdown for briefings, safely: the text is escaped first, then headings, bold, italics, lists and
 * paragraphs are rebuilt as elements. No HTML from a scenario ever reaches the page as HTML.
 * The text's own top heading level (briefings start at "##") becomes `h3`, the level under a section's `h2`,
 * so the page's outline has no gap.
 */
export function markdown(text: string): HTMLElement {
  const root = h("div", { class: "markdown" });
  const inline = (s: string): Child[] => {
    const out: Child[] = [];
    const re = /(\*\*[^*]+\*\*|\*[^*]+\*)/g;
    let last = 0;
    for (const m of s.matchAll(re)) {
      out.push(s.slice(last, m.index));
      const tok = m[0];
      out.push(tok.startsWith("**") ? h("strong", null, tok.slice(2, -2)) : h("em", null, tok.slice(1, -1)));
      last = (m.index ?? 0) + tok.length;
    }
    out.push(s.slice(last));
    return out;
  };
  const levels = [...text.matchAll(/^(#{1,4})\s/gm)].map((m) => m[1]?.length ?? 1);
  const top = levels.length ? Math.min(...levels) : 1;
  let list: HTMLUListElement | null = null;
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split("\n");
    for (const line of lines) {
      const heading = /^(#{1,4})\s+(.*)$/.exec(line);
      const item = /^[-*]\s+(.*)$/.exec(line);
      if (heading) {
        list = null;
        root.append(h(`h${Math.min(6, (heading[1]?.length ?? top) - top + 3)}` as "h3", null, inline(heading[2] ?? "")));
      } else if (item) {
        if (!list) {
          list = h("ul");
          root.append(list);
        }
        list.append(h("li", null, inline(item[1] ?? "")));
      } else if (line.trim()) {
        list = null;
        root.append(h("p", null, inline(line)));
      }
    }
    list = null;
  }
  return root;
}
