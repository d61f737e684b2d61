import { parse, rootChanged, valueOf, type Root, type WakeKey } from "../bots/wake.ts";
import type { Seat, State } from "../engine/state.ts";

export type Value = string | number | boolean;

interface Watched {
  /** A shared key's value at the latest state (undefined for a key whose value is per seat). */
  value: Value | undefined;
  /** The seats on this key, each with the value it saw. */
  seats: Map<Seat, Value>;
}

interface Entry {
  keys: WakeKey[];
  /** Woken and not yet asked (or acting): its keys stay filed, and a change only marks them dirty. */
  dormant: boolean;
  dirty: Set<WakeKey>;
}

/**
 * The facts sleeping bots wait for (wake.ts), indexed so that an action costs only what it changed: each key
 * is filed under the parts of the state it reads (its roots); after an action, only the keys under a changed
 * root are evaluated, a shared key once for all its seats. A woken seat stays on the board, dormant, until it
 * passes again: if its turn finds its facts back as they were, or it acts and resumes, nothing is refiled.
 */
export class WatchBoard {
  private readonly watched = new Map<WakeKey, Watched>();
  private readonly byRoot = new Map<Root, Set<WakeKey>>();
  private readonly entries = new Map<Seat, Entry>();
  private last: State | null = null;

  /** The seat sleeps on these keys, with their values at `state` (the latest state the board has seen). */
  subscribe(seat: Seat, state: State, keys: Iterable<WakeKey>): void {
    this.release(seat);
    const entry: Entry = { keys: [], dormant: false, dirty: new Set() };
    this.entries.set(seat, entry);
    this.add(seat, state, keys);
  }

  /** Files more keys for a seat on the board (a key it has already is seen afresh, at `state`). */
  add(seat: Seat, state: State, keys: Iterable<WakeKey>): void {
    this.last ??= state;
    const entry = this.entries.get(seat);
    if (!entry) return this.subscribe(seat, state, keys);
    for (const key of keys) {
      let w = this.watched.get(key);
      if (!w) {
        const p = parse(key);
        w = { value: p.personal ? undefined : valueOf(state, "", key), seats: new Map() };
        this.watched.set(key, w);
        for (const root of p.roots) {
          let set = this.byRoot.get(root);
          if (!set) this.byRoot.set(root, (set = new Set()));
          set.add(key);
        }
      }
      if (!w.seats.has(seat)) entry.keys.push(key);
      w.seats.set(seat, w.value ?? valueOf(state, seat, key));
      entry.dirty.delete(key);
    }
  }

  has(seat: Seat): boolean {
    return this.entries.has(seat);
  }

  /** The seat was woken: its keys stay filed, changes mark them dirty. */
  doze(seat: Seat): void {
    const entry = this.entries.get(seat);
    if (entry) entry.dormant = true;
  }

  /** Back to sleep on the same keys (what made them dirty is dealt with, or changed back). */
  restore(seat: Seat): void {
    const entry = this.entries.get(seat);
    if (!entry) return;
    entry.dormant = false;
    entry.dirty.clear();
  }

  /** The keys of a dormant seat that changed since it was filed, with the value it saw for each. */
  *dirty(seat: Seat): Iterable<[WakeKey, Value]> {
    const entry = this.entries.get(seat);
    if (!entry) return;
    for (const key of entry.dirty) {
      const seen = this.watched.get(key)?.seats.get(seat);
      if (seen !== undefined) yield [key, seen];
    }
  }

  /** Takes the seat off the board. */
  release(seat: Seat): void {
    const entry = this.entries.get(seat);
    if (!entry) return;
    this.entries.delete(seat);
    for (const key of entry.keys) {
      const w = this.watched.get(key);
      if (!w) continue;
      w.seats.delete(seat);
      if (w.seats.size > 0) continue;
      this.watched.delete(key);
      for (const root of parse(key).roots) {
        const set = this.byRoot.get(root);
        set?.delete(key);
        if (set?.size === 0) this.byRoot.delete(root);
      }
    }
  }

  /**
   * After an action: each sleeping seat one of whose keys now differs from what it saw, with that key (it is
   * dozing from then on). Dormant seats are not returned: their changed keys are marked dirty.
   */
  changed(after: State): [Seat, WakeKey][] {
    const before = this.last;
    this.last = after;
    const keys: WakeKey[] = [];
    if (before === null) keys.push(...this.watched.keys());
    else for (const [root, set] of this.byRoot) if (rootChanged(before, after, root)) keys.push(...set);
    const out: [Seat, WakeKey][] = [];
    for (const key of keys) {
      const w = this.watched.get(key);
      if (!w) continue;
      if (!parse(key).personal) {
        const value = valueOf(after, "", key);
        if (value === w.value) continue;
        w.value = value;
      }
      for (const [seat, seen] of w.seats) {
        if ((w.value ?? valueOf(after, seat, key)) === seen) continue;
        const entry = this.entries.get(seat);
        if (!entry) continue;
        entry.dirty.add(key);
        if (!entry.dormant) {
          entry.dormant = true;
          out.push([seat, key]);
        }
      }
    }
    return out;
  }
}
