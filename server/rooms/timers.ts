/**
 * Native timers that a room can clear all at once when it is disposed. Colyseus's room clock only advances
 * on its tick (every 50 ms or so); bots at the instant pace and deadlines need better than that.
 */
export class TimerSet {
  private readonly live = new Set<ReturnType<typeof setTimeout>>();

  setTimeout(fn: () => void, ms: number): { clear(): void } {
    const handle = setTimeout(() => {
      this.live.delete(handle);
      fn();
    }, ms);
    this.live.add(handle);
    return {
      clear: () => {
        clearTimeout(handle);
        this.live.delete(handle);
      },
    };
  }

  clearAll(): void {
    for (const handle of this.live) clearTimeout(handle);
    this.live.clear();
  }
}
