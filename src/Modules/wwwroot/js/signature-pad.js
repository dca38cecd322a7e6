// The customer's signature drawn with a finger, a pen or a mouse on a canvas; the page reads it back as a PNG.
const pads = new WeakMap();

export function init(canvas) {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const fit = () => {
        const box = canvas.getBoundingClientRect();
        canvas.width = Math.round(box.width * ratio);
        canvas.height = Math.round(box.height * ratio);
        const ctx = canvas.getContext('2d');
        ctx.scale(ratio, ratio);
        ctx.lineWidth = 2.2;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.strokeStyle = '#10233f';
        state.drawn = false;
    };
    const state = { drawing: false, drawn: false, fit };
    pads.set(canvas, state);
    fit();
    const point = e => {
        const box = canvas.getBoundingClientRect();
        return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    canvas.addEventListener('pointerdown', e => {
        e.preventDefault();
        canvas.setPointerCapture(e.pointerId);
        const ctx = canvas.getContext('2d');
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
        ctx.lineTo(p.x + 0.1, p.y + 0.1);
        ctx.stroke();
        state.drawing = true;
        state.drawn = true;
    });
    canvas.addEventListener('pointermove', e => {
        if (!state.drawing) return;
        e.preventDefault();
        const ctx = canvas.getContext('2d');
        const p = point(e);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
    });
    const end = () => { state.drawing = false; };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
}

export function clear(canvas) {
    const state = pads.get(canvas);
    if (state) state.fit();
}

// Asked first, so an empty box is never stored as a signature.
export function hasInk(canvas) {
    const state = pads.get(canvas);
    return !!(state && state.drawn);
}

// The bytes go to .NET as a stream, which a SignalR message of default size could not carry.
export async function read(canvas) {
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
}
