// The portal is server-rendered; this is its one script, so a customer can print or save a service report as PDF with a button.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
