/**
 * A token bucket per client: bursts of `capacity` requests, then `perSecond` sustained. Below it every request
 * is answered; a client that empties it is flooding and is disconnected (after its answer).
 */
export class RateLimit {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
