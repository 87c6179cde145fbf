// The metadata editor's browser half: what Blazor's event handlers cannot do on their own.

// A pasted list of keywords keeps its line breaks as separators: a text field would drop them.
document.addEventListener('paste', event => {
    const input = event.target.closest?.('[data-keyword-input]');
    const text = event.clipboardData?.getData('text/plain');
    if (!input || !text || !/[\r\n]/.test(text)) {
        return;
    }

    event.preventDefault();
    input.setRangeText(text.replace(/\r?\n/g, ','), input.selectionStart, input.selectionEnd, 'end');
    input.dispatchEvent(new Event('input', { bubbles: true }));
});

// Alt+Arrow moves a chip; without this the browser would also go back or forward a page.
document.addEventListener('keydown', event => {
    if (event.altKey && event.key.startsWith('Arrow') && event.target.closest?.('[data-chip]')) {
        event.preventDefault();
    }
});

export function focusChip(position) {
    const chip = document.querySelector(`[data-chip="${position}"]`) ?? document.querySelector('[data-keyword-input]');
    chip?.focus();
}
