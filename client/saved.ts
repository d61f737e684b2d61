/**
 * What survives a page reload, in this browser only: for each game, the seat token (the seat comes back)
 * and, for the teacher, the chair key.
 */
export interface SavedSeat {
  code: string;
  token: string;
  chairKey?: string;
  name: string;
}

const key = (code: string) => `plenipo:seat:${code}`;

export const saved = {
  get(code: string): SavedSeat | null {
    try {
      const raw = localStorage.getItem(key(code));
      return raw ? (JSON.parse(raw) as SavedSeat) : null;
    } catch {
      return null;
    }
  },
  put(seat: SavedSeat): void {
    localStorage.setItem(key(seat.code), JSON.stringify(seat));
  },
  forget(code: string): void {
    localStorage.removeItem(key(code));
  },
  chairKey(code: string): string | undefined {
    return saved.get(code)?.chairKey ?? sessionStorage.getItem(`plenipo:chair:${code}`) ?? undefined;
  },
  rememberChairKey(code: string, chairKey: string): void {
    sessionStorage.setItem(`plenipo:chair:${code}`, chairKey);
  },
};
