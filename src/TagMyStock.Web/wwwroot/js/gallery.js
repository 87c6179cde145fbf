// Gallery: selection and deletion, and refreshing the grid (after uploads, deletes, tagging and copies, and
// while thumbnails are still being made) by fetching the page again and swapping in its results. Every
// change of the selection is announced as a 'gallery:selection' event on the section, with the selected
// tiles ({ id, name }) as its detail, for the toolbar (gallery-toolbar.js).
import { postJson } from './api.js';

const pendingRefreshMs = 3000;

/** The checked tiles of the gallery section, as { id, name }. */
export function selectedTiles(section) {
    return [...section.querySelectorAll('.tile-select:checked')]
        .map(box => ({ id: box.value, name: section.querySelector(`label[for="${box.id}"]`).textContent }));
}

export function attach(section) {
    let pendingTimer;

    const results = () => section.querySelector('#gallery-results');
    const boxes = () => [...section.querySelectorAll('.tile-select')];

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
            const ids = selectedTiles(section).map(tile => tile.id);
            if (ids.length > 0 && confirm(`Delete ${ids.length} selected image(s)? This cannot be undone.`)) {
                await remove(ids);
            }
        } else if (event.target.closest('[data-select-all]')) {
            select(() => true);
        } else if (event.target.closest('[data-select-none]')) {
            select(() => false);
        }
    });
    document.addEventListener('gallery:changed', refresh);
    updateSelection();
    schedulePendingRefresh();

    function select(chosen) {
        for (const box of boxes()) {
            box.checked = chosen(box);
        }
        updateSelection();
    }

    function updateSelection() {
        const selected = selectedTiles(section);
        const toolbar = section.querySelector('.gallery-toolbar');
        // Only an empty gallery has nothing for the toolbar: a filter with no match still has images to export.
        toolbar.hidden = results()?.dataset.accountTotal === '0';
        toolbar.querySelector('[data-delete-selected]').disabled = selected.length === 0;
        toolbar.querySelector('[data-select-none]').disabled = selected.length === 0;
        toolbar.querySelector('[data-selection-count]').textContent = selected.length === 0
            ? 'No image selected.'
            : `${selected.length} of ${boxes().length} on this page selected.`;
        section.dispatchEvent(new CustomEvent('gallery:selection', { detail: selected }));
    }

    async function remove(ids) {
        const response = await postJson('/api/images/delete', { ids });
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
        // no-store: the server then renders afresh instead of answering from its page cache.
        const response = await fetch(location.href, { cache: 'no-store', headers: { Accept: 'text/html' } });
        const fresh = response.ok
            ? new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('gallery-results')
            : null;
        if (fresh && results()) {
            const kept = new Set(selectedTiles(section).map(tile => tile.id));
            results().replaceWith(document.importNode(fresh, true));
            select(box => kept.has(box.value));
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
