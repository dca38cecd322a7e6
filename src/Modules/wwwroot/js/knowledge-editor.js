// The article editor's images: pasted or dropped onto a text box they go to the page's image picker, as if chosen there, and the
// Markdown of an uploaded image is put where the caret was in the text box last used.
const editors = new WeakMap();

export function attach(root) {
    const state = { last: null, caret: null };
    editors.set(root, state);
    const picker = () => root.querySelector('input[type=file][data-role=article-image]');
    const isText = el => el && el.tagName === 'TEXTAREA' && el.dataset.markdown === 'true';
    const remember = el => { state.last = el; state.caret = el.selectionStart; };
    // Only images, and only as many as one upload takes: the page checks them again before a byte is sent.
    const forward = files => {
        const input = picker();
        const images = Array.from(files).filter(f => f.type.startsWith('image/'));
        if (!input || input.disabled || images.length === 0) return false;
        const transfer = new DataTransfer();
        images.slice(0, 10).forEach(f => transfer.items.add(f));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
    };
    for (const kind of ['focusin', 'focusout', 'keyup', 'click']) {
        root.addEventListener(kind, e => { if (isText(e.target)) remember(e.target); });
    }
    root.addEventListener('paste', e => {
        if (isText(e.target) && e.clipboardData && e.clipboardData.files.length > 0 && forward(e.clipboardData.files)) {
            remember(e.target);
            e.preventDefault();
        }
    });
    root.addEventListener('dragover', e => {
        if (isText(e.target) && e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault();
    });
    root.addEventListener('drop', e => {
        if (isText(e.target) && e.dataTransfer && e.dataTransfer.files.length > 0) {
            e.preventDefault();
            remember(e.target);
            forward(e.dataTransfer.files);
        }
    });
}

// Puts text at the remembered caret (else at the end of the first text box) and tells Blazor the value changed.
export function insert(root, text) {
    const state = editors.get(root) || {};
    const box = (state.last && root.contains(state.last)) ? state.last : root.querySelector('textarea[data-markdown=true]');
    if (!box) return;
    const at = Math.min(state.caret ?? box.value.length, box.value.length);
    const before = box.value.slice(0, at);
    const after = box.value.slice(at);
    const lead = before.length > 0 && !before.endsWith('\n') ? '\n' : '';
    const tail = after.startsWith('\n') ? '' : '\n';
    box.value = before + lead + text + tail + after;
    state.last = box;
    state.caret = (before + lead + text + tail).length;
    box.dispatchEvent(new Event('change', { bubbles: true }));
}
