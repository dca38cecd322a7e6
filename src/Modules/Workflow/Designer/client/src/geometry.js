// Plain rectangle and segment tests on { x, y, width, height } and { x, y }, in diagram units.

/** Whether two rectangles overlap. */
export function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether any part of segment pq lies inside rectangle r (Liang–Barsky clipping). */
export function crosses(p, q, r) {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const sides = [[-dx, p.x - r.x], [dx, r.x + r.width - p.x], [-dy, p.y - r.y], [dy, r.y + r.height - p.y]];
  for (const [denominator, numerator] of sides) {
    if (denominator === 0) {
      if (numerator < 0) {
        return false;
      }
    } else {
      const t = numerator / denominator;
      if (denominator < 0) {
        t0 = Math.max(t0, t);
      } else {
        t1 = Math.min(t1, t);
      }
      if (t0 > t1) {
        return false;
      }
    }
  }
  return true;
}
