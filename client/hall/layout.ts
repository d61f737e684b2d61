/**
 * Seats of a hemicycle, parliament-diagram style: rows of growing radius, seats per row in proportion to its
 * length, ordered left to right by angle so that blocs seated in order form wedges. Pure geometry.
 */
export interface SeatSpot {
  x: number;
  y: number;
  r: number;
  angle: number;
}

export function hemicycle(n: number, width: number, height: number): SeatSpot[] {
  if (n <= 0) return [];
  const rows = n <= 12 ? 1 : n <= 30 ? 2 : Math.min(10, Math.round(Math.sqrt(n / 3)));
  const cx = width / 2;
  const cy = height * 0.88;
  let plan = rowsOf(n, rows, Math.max(40, Math.min(width / 2 - 24, cy - 24)));
  // Seats are sized from the rows, so the end and top seats can reach past the edge of a narrow hall (a
  // phone): pull the outer row in by as much as they stick out.
  const over = Math.max(plan.outer + plan.seatR + 4 - width / 2, plan.outer + plan.seatR + 4 - cy);
  if (over > 0) plan = rowsOf(n, rows, Math.max(20, plan.outer - over));
  const { radii, counts, seatR } = plan;
  const spots: SeatSpot[] = [];
  radii.forEach((r, i) => {
    const k = counts[i] ?? 1;
    for (let j = 0; j < k; j++) {
      const angle = Math.PI - ((j + 0.5) * Math.PI) / k;
      spots.push({ x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle), r: seatR, angle });
    }
  });
  return spots.sort((a, b) => b.angle - a.angle || a.y - b.y);
}

/** The rows of a hemicycle whose outer row has radius `outer`: each row's radius and seats, and the seat size. */
function rowsOf(n: number, rows: number, outer: number): { outer: number; radii: number[]; counts: number[]; seatR: number } {
  const inner = rows === 1 ? outer : outer * (n > 60 ? 0.38 : 0.5);
  const radii = Array.from({ length: rows }, (_, i) => (rows === 1 ? outer : inner + ((outer - inner) * i) / (rows - 1)));
  const total = radii.reduce((a, b) => a + b, 0);
  const counts = radii.map((r) => Math.max(1, Math.round((n * r) / total)));
  // Fix rounding so the rows hold exactly n seats, adding to or taking from the outer rows first.
  let diff = n - counts.reduce((a, b) => a + b, 0);
  for (let i = rows - 1; diff !== 0; i = (i - 1 + rows) % rows) {
    if (diff > 0) {
      counts[i] = (counts[i] ?? 0) + 1;
      diff--;
    } else if ((counts[i] ?? 0) > 1) {
      counts[i] = (counts[i] ?? 0) - 1;
      diff++;
    }
  }
  const spacing = rows === 1 ? outer * 0.5 : (outer - inner) / (rows - 1);
  const arc = Math.min(...radii.map((r, i) => (Math.PI * r) / Math.max(1, counts[i] ?? 1)));
  const seatR = Math.max(3, Math.min(28, Math.min(spacing, arc) * 0.42));
  return { outer, radii, counts, seatR };
}
