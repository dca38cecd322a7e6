// Checks the chosen files before the form is sent, so a customer whose files are too many or too large is told at once
// and keeps what they typed; the server checks again (and refuses a post over the limit without reading it).
document.querySelectorAll('input[type=file][data-max-files]').forEach(input => input.addEventListener('change', () => {
  const maxFiles = Number(input.dataset.maxFiles), maxBytes = Number(input.dataset.maxBytes);
  const tooLarge = [...input.files].find(file => file.size > maxBytes);
  const message = input.files.length > maxFiles ? input.dataset.tooMany
    : tooLarge ? input.dataset.tooLarge.replace('{name}', tooLarge.name) : '';
  input.setCustomValidity(message);
  input.reportValidity();
}));
