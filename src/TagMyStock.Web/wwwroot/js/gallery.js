// Gallery: selection and deletion, and refreshing the grid (after uploads, after deletes, and while
// thumbnails are still being made) by fetching the page again and swapping in its results.
const pendingRefreshMs = 3000;

export function attach(section) {
    let pendingTimer;

    const token = () => document.querySelector('input[name="__RequestVerificationToken"]').value;
    const results = () => section.querySelector('#gallery-results');

    section.addEventListener('change', event => {
        if (event.target.matches('.tile-select')) {
            updateSelection();
        }
    });
    section.addEventListener('click', async event => {
        const single = event.target.closest('[data-delete-id]');
        if (single) {
            const name = single.closest('.tile').querySelector('.tile-name').textContent;
            if (confirm(`Delete ${name}? This cannot be undone.`)) {
                await remove([single.dataset.deleteId]);
            }
        } else if (event.target.closest('[data-delete-selected]')) {
            const ids = selectedIds();
            if (ids.length > 0 && confirm(`Delete ${ids.length} selected image(s)? This cannot be undone.`)) {
                await remove(ids);
            }
        }
    });
    document.addEventListener('gallery:changed', refresh);
    schedulePendingRefresh();

    function selectedIds() {
        return [...section.querySelectorAll('.tile-select:checked')].map(box => box.value);
    }

    function updateSelection() {
        const count = selectedIds().length;
        const button = section.querySelector('[data-delete-selected]');
        const label = section.querySelector('[data-selection-count]');
        if (button) {
            button.disabled = count === 0;
        }
        if (label) {
            label.textContent = count === 0 ? '' : `${count} selected`;
        }
    }

    async function remove(ids) {
        const response = await fetch('/api/images/delete', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token() },
            body: JSON.stringify({ ids }),
        });
        if (!response.ok) {
            alert('The images could not be deleted. Reload the page and try again.');
        }
        await refresh();
    }

    async function refresh() {
        if (!section.isConnected) {
            document.removeEventListener('gallery:changed', refresh);
            return;
        }
        const response = await fetch(location.href, { headers: { Accept: 'text/html' } });
        const fresh = response.ok
            ? new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('gallery-results')
            : null;
        if (fresh && results()) {
            const kept = new Set(selectedIds());
            results().replaceWith(document.importNode(fresh, true));
            for (const box of section.querySelectorAll('.tile-select')) {
                box.checked = kept.has(box.value);
            }
            updateSelection();
            schedulePendingRefresh();
        }
    }

    function schedulePendingRefresh() {
        clearTimeout(pendingTimer);
        if (results()?.dataset.pending === 'true') {
            pendingTimer = setTimeout(refresh, pendingRefreshMs);
        }
    }
}
