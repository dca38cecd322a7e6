// The diagram of the workflow designer. It owns geometry only: what a status or transition means lives in C#,
// which sends a finished drawing model to render() and hears back what the user did (select, move, connect,
// delete, undo). Nothing here edits the workflow itself, so undo, validation and saving stay in one place.
// Deep imports: the package declares no sideEffects, so importing its index would bundle every plugin (stencil,
// scroller, selection…) whether used or not. The edge shape registers itself on import.
import { Graph } from '@antv/x6/es/graph/index.js';
import { MiniMap } from '@antv/x6/es/plugin/minimap/index.js';
import { Snapline } from '@antv/x6/es/plugin/snapline/index.js';
import '@antv/x6/es/shape/edge.js';
import { overlap } from './geometry.js';
import { route } from './routing.js';
import { Danger, Focus, NodeHeight, NodeWidth, Neutral, colorOf, edgeLabel, statusAttrs } from './status-shape.js';

const Grid = 10;
const ReadableScale = 0.8;

/**
 * Creates the diagram in host (which holds a .wf-graph and a .wf-minimap element) and reports to dotnet, a
 * DotNetObjectReference whose [JSInvokable] methods are OnSelected, OnStatusMoved, OnConnectRequested,
 * OnDeleteRequested, OnUndoRequested and OnRedoRequested.
 */
export function create(host, dotnet) {
  const container = host.querySelector('.wf-graph');
  let readOnly = true;
  let selected = null;
  let issues = new Set();
  let current = null;
  let available = new Set();
  let disposed = false;

  const graph = new Graph({
    container,
    autoResize: true,
    // Synchronous rendering: labels are placed from the drawn paths right after routing.
    async: false,
    grid: { size: Grid, visible: true, type: 'dot', args: { color: '#cfd8dc' } },
    background: { color: '#fafbfc' },
    panning: { enabled: true },
    mousewheel: { enabled: true, zoomAtMousePosition: true, factor: 1.1, minScale: 0.3, maxScale: 2 },
    interacting: () => ({
      nodeMovable: !readOnly,
      magnetConnectable: !readOnly,
      edgeMovable: false,
      edgeLabelMovable: false,
      arrowheadMovable: false,
      vertexMovable: false,
      vertexAddable: false,
      vertexDeletable: false,
    }),
    connecting: {
      anchor: 'center',
      connectionPoint: 'boundary',
      connector: { name: 'smooth' },
      allowBlank: false,
      allowLoop: true,
      allowNode: true,
      allowPort: true,
      allowEdge: false,
      allowMulti: true,
      highlight: true,
      snap: { radius: 24 },
      validateConnection: ({ targetCell }) => !readOnly && !!targetCell && targetCell.isNode(),
      createEdge: () => graph.createEdge({ attrs: { line: { stroke: Focus, strokeWidth: 2, strokeDasharray: '4 3', targetMarker: { name: 'block', width: 8, height: 6 } } } }),
    },
  });
  graph.use(new Snapline({ enabled: true, sharp: true }));
  const minimapElement = host.querySelector('.wf-minimap');
  if (minimapElement) {
    graph.use(new MiniMap({ container: minimapElement, width: 180, height: 110, padding: 8, scalable: false }));
  }

  const report = (method, ...args) => {
    if (!disposed) {
      dotnet.invokeMethodAsync(method, ...args).catch(() => { /* the circuit is gone; the page is being left */ });
    }
  };

  graph.on('node:click', ({ node }) => choose({ kind: 'status', key: node.id }, true));
  graph.on('edge:click', ({ edge }) => {
    const data = edge.getData();
    if (data?.transition) {
      choose({ kind: 'transition', key: data.transition }, true);
    }
  });
  graph.on('blank:click', () => choose(null, true));
  graph.on('node:moved', ({ node }) => {
    const { x, y } = node.getPosition();
    report('OnStatusMoved', node.id, Math.round(x), Math.round(y));
  });
  // A moved status may now stand in the way of any arrow, not only its own.
  graph.on('node:change:position', () => route(graph, fontFamily()));
  graph.on('edge:connected', ({ isNew, edge }) => {
    if (!isNew) {
      return;
    }
    const from = edge.getSourceCellId();
    const to = edge.getTargetCellId();
    // The drawn arrow is only a gesture: the transition appears when C# adds it and renders the model again.
    edge.remove();
    if (from && to) {
      report('OnConnectRequested', from, to);
    }
  });
  graph.on('node:mouseenter', ({ node }) => { if (!readOnly) showPorts(node, true); });
  graph.on('node:mouseleave', ({ node }) => showPorts(node, false));

  const onKey = (e) => {
    if (e.target !== host && !container.contains(e.target)) {
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (!readOnly && (e.key === 'Delete' || e.key === 'Backspace') && selected) {
      e.preventDefault();
      report('OnDeleteRequested');
    } else if (!readOnly && mod && key === 'z' && !e.shiftKey) {
      e.preventDefault();
      report('OnUndoRequested');
    } else if (!readOnly && mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
      e.preventDefault();
      report('OnRedoRequested');
    }
  };
  // Keys reach the diagram only while it has the focus, so Delete in a side-panel text box never deletes a status.
  const onPointer = () => host.focus({ preventScroll: true });
  host.addEventListener('keydown', onKey);
  host.addEventListener('mousedown', onPointer);

  const fontFamily = () => getComputedStyle(container).fontFamily;

  function showPorts(node, visible) {
    for (const port of node.getPorts()) {
      node.setPortProp(port.id, 'attrs/circle/style/visibility', visible ? 'visible' : 'hidden');
    }
  }

  function choose(selection, fromUser) {
    selected = selection;
    paint();
    if (fromUser) {
      report('OnSelected', selection?.kind ?? null, selection?.key ?? null);
    }
  }

  // Selection, issues and the simulator's current status are drawn over the model's own colours.
  function paint() {
    graph.batchUpdate(() => {
      for (const node of graph.getNodes()) {
        const isCurrent = node.id === current;
        const color = node.getData()?.color ?? Neutral;
        node.setAttrs({
          focus: { display: selected?.kind === 'status' && selected.key === node.id ? 'block' : 'none' },
          issue: { display: issues.has(node.id) ? 'block' : 'none' },
          body: { fill: isCurrent ? color : `${color}1f`, strokeWidth: isCurrent ? 3 : 2 },
          name: { fill: isCurrent ? '#ffffff' : '#212121' },
          category: { fill: isCurrent ? '#ffffff' : '#546e7a' },
        });
      }
      for (const edge of graph.getEdges()) {
        const data = edge.getData() ?? {};
        const isSelected = selected?.kind === 'transition' && selected.key === data.transition;
        const isOffered = current !== null && available.has(data.transition) && edge.getSourceCellId() === current;
        const stroke = issues.has(data.transition) ? Danger : isSelected || isOffered ? Focus : Neutral;
        edge.setAttrs({
          line: {
            stroke,
            strokeWidth: isSelected || isOffered ? 2.5 : 1.5,
            strokeDasharray: data.automatic ? '6 4' : null,
            targetMarker: { name: 'block', width: 8, height: 6, fill: stroke, stroke },
          },
        });
        edge.setZIndex(isSelected || isOffered ? 2 : 1);
      }
    });
  }

  function fit() {
    if (graph.getNodes().length > 0) {
      graph.zoomToFit({ padding: 40, maxScale: 1 });
    }
  }

  return {
    /** Draws model ({ statuses, edges, readOnly }), keeping what is already drawn where it is still the same. */
    render(model) {
      readOnly = !!model.readOnly;
      host.classList.toggle('wf-readonly', readOnly);
      const statusKeys = new Set(model.statuses.map((s) => s.key));
      const edgeIds = new Set(model.edges.map((e) => e.id));
      graph.batchUpdate(() => {
        for (const edge of graph.getEdges().filter((e) => !edgeIds.has(e.id))) {
          edge.remove();
        }
        for (const node of graph.getNodes().filter((n) => !statusKeys.has(n.id))) {
          node.remove();
        }
        for (const status of model.statuses) {
          const existing = graph.getCellById(status.key);
          if (existing) {
            const { x, y } = existing.getPosition();
            if (x !== status.x || y !== status.y) {
              existing.setPosition(status.x, status.y);
            }
            existing.setAttrs(statusAttrs(status, fontFamily()));
            existing.setData({ color: colorOf(status) }, { overwrite: true });
          } else {
            graph.addNode({ id: status.key, shape: 'workflow-status', x: status.x, y: status.y, attrs: statusAttrs(status, fontFamily()), data: { color: colorOf(status) } });
          }
        }
        for (const line of model.edges) {
          const existing = graph.getCellById(line.id);
          if (existing && (existing.getSourceCellId() !== line.from || existing.getTargetCellId() !== line.to)) {
            existing.remove();
          }
          const data = { transition: line.transition, automatic: line.automatic };
          if (graph.getCellById(line.id)) {
            const edge = graph.getCellById(line.id);
            edge.setLabels([edgeLabel(line.label)]);
            edge.setData(data, { overwrite: true });
          } else {
            graph.addEdge({ id: line.id, shape: 'edge', source: { cell: line.from }, target: { cell: line.to }, connector: { name: 'smooth' }, labels: [edgeLabel(line.label)], data, zIndex: 1 });
          }
        }
      });
      route(graph, fontFamily());
      paint();
    },
    /** Outlines the statuses and transitions whose keys have validation issues. */
    highlight(keys) {
      issues = new Set(keys ?? []);
      paint();
    },
    /** Shows selection ({ kind: 'status' | 'transition', key } or null) as chosen elsewhere, e.g. from the issue list. */
    select(selection) {
      choose(selection, false);
      if (selection?.kind === 'status' && graph.getCellById(selection.key)) {
        const cell = graph.getCellById(selection.key);
        if (!graph.getGraphArea().containsRect(cell.getBBox())) {
          graph.centerCell(cell);
        }
      }
    },
    /** Marks the simulator's current status and the transitions it offers from there. */
    showCurrent(status, transitions) {
      current = status ?? null;
      available = new Set(transitions ?? []);
      paint();
    },
    /** Zooms by delta (e.g. 0.1 or -0.1) around the centre, within the wheel's limits. */
    zoom(delta) {
      const next = Math.min(2, Math.max(0.3, graph.zoom() + delta));
      graph.zoomTo(next, { center: graph.getGraphArea().center });
    },
    /** Fits the whole workflow into view, never enlarging past 100 %. */
    fit,
    /**
     * The first view: the whole workflow when it fits at a readable size; otherwise readable, from the left where
     * workflows start, with the minimap showing the rest.
     */
    overview() {
      fit();
      if (graph.getNodes().length > 0 && graph.zoom() < ReadableScale) {
        const content = graph.getContentArea();
        const { height } = container.getBoundingClientRect();
        graph.zoomTo(ReadableScale);
        graph.translate(40 - content.x * ReadableScale, Math.max(40, (height - content.height * ReadableScale) / 2) - content.y * ReadableScale);
      }
    },
    /** Where a new status can go: the free place nearest the centre of what is visible, in diagram units. */
    freeSpot() {
      const centre = graph.getGraphArea().center;
      const taken = graph.getNodes().map((n) => n.getBBox().inflate(24));
      const snap = (v) => Math.round(v / Grid) * Grid;
      for (let ring = 0; ring < 12; ring++) {
        for (let step = 0; step < Math.max(1, ring * 8); step++) {
          const angle = (2 * Math.PI * step) / Math.max(1, ring * 8);
          const spot = { x: snap(centre.x - NodeWidth / 2 + Math.cos(angle) * ring * 60), y: snap(centre.y - NodeHeight / 2 + Math.sin(angle) * ring * 60) };
          if (!taken.some((r) => overlap(r, { ...spot, width: NodeWidth, height: NodeHeight }))) {
            return spot;
          }
        }
      }
      return { x: snap(centre.x), y: snap(centre.y) };
    },
    dispose() {
      disposed = true;
      host.removeEventListener('keydown', onKey);
      host.removeEventListener('mousedown', onPointer);
      graph.dispose();
    },
  };
}
