// How a status and a transition look: the node shape, its attributes from the drawing model, and edge labels.
// Deep import: the package declares no sideEffects, so importing its index would bundle every plugin.
import { Graph } from '@antv/x6/es/graph/index.js';

export const NodeWidth = 150;
export const NodeHeight = 64;
export const Neutral = '#78909c';
export const Focus = '#1565c0';
export const Danger = '#d32f2f';

const Sides = ['top', 'right', 'bottom', 'left'];

Graph.registerNode('workflow-status', {
  width: NodeWidth,
  height: NodeHeight,
  markup: [
    { tagName: 'rect', selector: 'issue' },
    { tagName: 'rect', selector: 'focus' },
    { tagName: 'rect', selector: 'body' },
    { tagName: 'text', selector: 'name' },
    { tagName: 'text', selector: 'category' },
    { tagName: 'path', selector: 'startLine' },
    { tagName: 'circle', selector: 'start' },
    {
      tagName: 'g', selector: 'clock', children: [
        { tagName: 'title', selector: 'clockTitle' },
        { tagName: 'circle', selector: 'clockFace' },
        { tagName: 'path', selector: 'clockHands' },
      ],
    },
  ],
  attrs: {
    body: { refWidth: '100%', refHeight: '100%', rx: 10, ry: 10, strokeWidth: 2, cursor: 'move' },
    focus: { refX: -5, refY: -5, refWidth: 10, refHeight: 10, rx: 14, ry: 14, fill: 'none', stroke: Focus, strokeWidth: 2.5, display: 'none' },
    issue: { refX: -9, refY: -9, refWidth: 18, refHeight: 18, rx: 17, ry: 17, fill: 'none', stroke: Danger, strokeWidth: 2, strokeDasharray: '6 3', display: 'none' },
    name: { refX: '50%', refY: 25, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 13, lineHeight: 16, fontWeight: 600, fill: '#212121', pointerEvents: 'none' },
    category: { refX: '50%', refY2: -10, refY: '100%', textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 11, fill: '#546e7a', pointerEvents: 'none' },
    start: { refX: -26, refY: '50%', r: 7, fill: '#37474f', display: 'none' },
    startLine: { d: `M -19 ${NodeHeight / 2} H 0`, stroke: '#37474f', strokeWidth: 2, display: 'none' },
    clock: { transform: `translate(${NodeWidth - 4}, 4)`, display: 'none' },
    clockFace: { r: 9, fill: '#fff', strokeWidth: 1.5 },
    clockHands: { d: 'M 0 -5 V 0 H 4', fill: 'none', strokeWidth: 1.5, strokeLinecap: 'round' },
  },
  // Handles to draw a transition from; shown while the pointer is over an editable status.
  ports: {
    groups: Object.fromEntries(Sides.map((side) => [side, {
      position: side,
      attrs: { circle: { r: 5, magnet: true, stroke: Focus, strokeWidth: 1.5, fill: '#fff', cursor: 'crosshair', style: { visibility: 'hidden' } } },
    }])),
    items: Sides.map((side) => ({ id: side, group: side })),
  },
}, true);

const measure = document.createElement('canvas').getContext('2d');

/** The width of text in a CSS font, for wrapping names and placing labels. */
export function textWidth(text, font) {
  measure.font = font;
  return measure.measureText(text).width;
}

// X6's own wrapping cuts words anywhere; names wrap between words (or between Chinese characters) instead.
function wrap(text, width, maxLines, font) {
  const fits = (line) => textWidth(line, font) <= width;
  const tokens = `${text ?? ''}`.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) ?? [];
  const lines = [''];
  for (const token of tokens) {
    const last = lines.length - 1;
    if (fits(lines[last] + token) || lines[last].trim() === '') {
      lines[last] += token;
    } else if (lines.length < maxLines) {
      lines.push(token.trim());
    } else {
      let cut = lines[last];
      while (cut.length > 1 && !fits(`${cut}…`)) {
        cut = cut.slice(0, -1);
      }
      lines[last] = `${cut.trimEnd()}…`;
      break;
    }
  }
  return lines.map((l) => l.trim()).join('\n');
}

/** The colour a status is drawn in: its own when it is #rrggbb, grey otherwise. */
export function colorOf(status) {
  return /^#[0-9a-f]{6}$/i.test(status.color ?? '') ? status.color : Neutral;
}

/** The node attributes of a status of the drawing model, names wrapped for fontFamily. */
export function statusAttrs(status, fontFamily) {
  const color = colorOf(status);
  return {
    body: { fill: `${color}1f`, stroke: color },
    name: { text: wrap(status.name, NodeWidth - 20, 2, `600 13px ${fontFamily}`) },
    category: { text: status.category },
    start: { display: status.isStart ? 'block' : 'none' },
    startLine: { display: status.isStart ? 'block' : 'none' },
    clock: { display: status.timers ? 'block' : 'none' },
    clockTitle: { text: status.timers ?? '' },
    clockFace: { stroke: color },
    clockHands: { stroke: color },
  };
}

/** The label of a transition's arrow, on a white plate so it stays readable over lines. */
export function edgeLabel(text) {
  return {
    attrs: {
      label: { text, fontSize: 11, fill: '#37474f' },
      body: { fill: '#ffffff', stroke: '#cfd8dc', strokeWidth: 1, rx: 3, ry: 3, refWidth: 8, refHeight: 4, refX: -4, refY: -2 },
    },
    position: { distance: 0.5 },
  };
}
