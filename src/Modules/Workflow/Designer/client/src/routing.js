// Where arrows and their labels go. X6 draws what it is given; these rules keep a state diagram with many
// transitions readable without an edge router that would merge parallel arrows into one channel.
import { crosses, overlap } from './geometry.js';
import { textWidth } from './status-shape.js';

// Parallel arrows between two statuses side by side need little room (labels stack); one above the other need the
// width of a label between them.
const ParallelGap = 40;
const ParallelGapVertical = 100;
const Detours = [0, 60, -60, 100, -100, 140, -140, 190, -190, 240, -240, 300, -300];
const LoopHeight = 44;
const LabelRatios = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/**
 * Bends every arrow of graph: transitions between the same two statuses apart, past statuses in the way, back into
 * their own status as a loop above it; then slides labels clear of statuses and each other.
 */
export function route(graph, fontFamily) {
  const groups = new Map();
  for (const edge of graph.getEdges()) {
    const a = edge.getSourceCellId();
    const b = edge.getTargetCellId();
    const pair = a < b ? `${a}\n${b}` : `${b}\n${a}`;
    if (!groups.has(pair)) {
      groups.set(pair, []);
    }
    groups.get(pair).push(edge);
  }
  for (const group of groups.values()) {
    group.sort((x, y) => (x.id < y.id ? -1 : 1));
    group.forEach((edge, index) => edge.setVertices(vertices(graph, edge, index, group.length)));
  }
  placeLabels(graph, `11px ${fontFamily}`);
}

function vertices(graph, edge, index, count) {
  const source = graph.getCellById(edge.getSourceCellId());
  const target = graph.getCellById(edge.getTargetCellId());
  if (!source || !target) {
    return [];
  }
  const a = source.getBBox().center;
  const b = target.getBBox().center;
  if (source === target) {
    const top = source.getBBox().y;
    const lift = LoopHeight + index * 26;
    return [{ x: a.x - 30, y: top - lift }, { x: a.x + 30, y: top - lift }];
  }
  // Offsets are measured on one side of the undirected pair, so A→B and B→A do not land on the same curve.
  const forward = edge.getSourceCellId() < edge.getTargetCellId();
  const [p, q] = forward ? [a, b] : [b, a];
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const length = Math.hypot(dx, dy) || 1;
  const normal = { x: -dy / length, y: dx / length };
  const gap = ParallelGap + (ParallelGapVertical - ParallelGap) * Math.abs(dy / length);
  const offset = detour(graph, p, q, normal, [source.id, target.id]) + (index - (count - 1) / 2) * gap;
  // Always one vertex, even on the straight line: without one the smooth connector draws an S-curve that no
  // longer follows the path checked for obstacles.
  return [{ x: (p.x + q.x) / 2 + normal.x * offset, y: (p.y + q.y) / 2 + normal.y * offset }];
}

// An arrow between statuses that are not neighbours would run through the ones between them, label and all:
// it bends out just far enough to pass them, or past as few as it can.
function detour(graph, p, q, normal, ends) {
  const obstacles = graph.getNodes().filter((n) => !ends.includes(n.id)).map((n) => n.getBBox().inflate(10));
  // A label (drawn at the vertex) inside a status is worse than a line through one.
  const crossings = (offset) => {
    const v = { x: (p.x + q.x) / 2 + normal.x * offset, y: (p.y + q.y) / 2 + normal.y * offset };
    return obstacles.filter((r) => crosses(p, v, r) || crosses(v, q, r)).length + (obstacles.some((r) => r.containsPoint(v)) ? 2 : 0);
  };
  let best = 0;
  let fewest = Infinity;
  for (const offset of Detours) {
    const count = crossings(offset);
    if (count < fewest) {
      best = offset;
      fewest = count;
    }
    if (count === 0) {
      break;
    }
  }
  return best;
}

// Labels slide along their arrows until they cover no status and no other label.
function placeLabels(graph, font) {
  const taken = graph.getNodes().map((n) => n.getBBox());
  for (const edge of graph.getEdges()) {
    const view = graph.findViewByCell(edge);
    const [label] = edge.getLabels();
    if (!view || !label) {
      continue;
    }
    const width = textWidth(label.attrs?.label?.text ?? '', font) + 10;
    const box = (ratio) => {
      const point = view.getPointAtRatio(ratio);
      return point && { x: point.x - width / 2, y: point.y - 10, width, height: 20 };
    };
    const ratio = LabelRatios.find((r) => {
      const candidate = box(r);
      return candidate && !taken.some((t) => overlap(t, candidate));
    }) ?? 0.5;
    taken.push(box(ratio) ?? { x: 0, y: 0, width: 0, height: 0 });
    if (label.position?.distance !== ratio) {
      edge.setLabelAt(0, { ...label, position: { distance: ratio } });
    }
  }
}
