// The gallery's toolbar acts on the selection that gallery.js announces ('gallery:selection' events):
// tagging as a background job with the chosen engine and its progress, copying metadata from one selected image onto the others,
// and exporting (the export panel's plain GET form carries the selected ids). After a change it asks
// gallery.js to refresh the grid with a 'gallery:changed' event.
import { postJson as post, problemMessages } from './api.js';
import { selectedTiles } from './gallery.js';
import { followJob } from './jobs.js';

export function attach(toolbar) {
    const section = toolbar.closest('.gallery');
    const find = selector => toolbar.querySelector(selector);
    let selected = [];

    section.addEventListener('gallery:selection', event => {
        selected = event.detail;
        update();
    });
    toolbar.addEventListener('change', event => {
        if (event.target.name === 'copy-part' || event.target.matches('[data-copy-source]')) {
            update();
        }
    });
    find('[data-tag-selected]').addEventListener('click', tagSelected);
    find('[data-copy-metadata]').addEventListener('click', copyMetadata);
    // gallery.js may have announced the selection before this module was loaded.
    selected = selectedTiles(section);
    update();

    function update() {
        find('[data-tag-selected]').disabled = selected.length === 0 || toolbar.dataset.tagging === 'true';
        updateCopySource();
        const parts = chosenParts();
        find('[data-copy-metadata]').disabled = selected.length < 2 || parts.length === 0 || !find('[data-copy-source]').value;
        const ids = find('[data-export-ids]');
        ids.value = selected.map(tile => tile.id).join(',');
        ids.disabled = selected.length === 0;
        find('[data-export-scope]').textContent = selected.length === 0
            ? 'Exports the whole gallery.'
            : `Exports the ${selected.length} selected image(s).`;
    }

    // The source is one of the selected images; the choice is kept while it stays selected.
    function updateCopySource() {
        const source = find('[data-copy-source]');
        const kept = source.value;
        const options = selected.length < 2
            ? [new Option('Select two or more images', '')]
            : selected.map(tile => new Option(tile.name, tile.id));
        source.replaceChildren(...options);
        source.value = selected.some(tile => tile.id === kept) ? kept : options[0].value;
        source.disabled = selected.length < 2;
    }

    function chosenParts() {
        return [...toolbar.querySelectorAll('input[name="copy-part"]:checked')].map(box => box.value);
    }

    async function tagSelected() {
        const ids = selected.map(tile => tile.id);
        const names = new Map(selected.map(tile => [tile.id, tile.name]));
        const bar = find('[data-tag-progress] progress');
        toolbar.dataset.tagging = 'true';
        update();
        find('[data-tag-progress]').hidden = false;
        find('[data-tag-failures]').replaceChildren();
        bar.max = ids.length;
        bar.value = 0;
        report(`Starting to tag ${ids.length} image(s)…`);
        try {
            const hint = find('[data-tag-hint]').value.trim();
            const engine = find('[data-tag-engine]:checked')?.value ?? 'local';
            const response = await post('/api/images/tag', { ids, hint: hint || null, engine });
            if (!response.ok) {
                report(`Tagging did not start: ${await problem(response)}`);
                return;
            }
            const followed = await followJob(await response.json(), {
                show: job => show(job, names),
                isAttached: () => toolbar.isConnected,
                cancelButton: find('[data-tag-cancel]'),
                post,
            });
            if (!followed) {
                report('Lost track of the tagging job; reload the page to see what was tagged.');
            }
            document.dispatchEvent(new CustomEvent('gallery:changed'));
        } finally {
            delete toolbar.dataset.tagging;
            update();
        }
    }

    // A tagging job's detail counts the selection's images; its state says whether it still runs.
    function show(job, names) {
        const detail = job.detail;
        const bar = find('[data-tag-progress] progress');
        const processed = detail.done + detail.failed;
        bar.max = Math.max(detail.total, 1);
        bar.value = processed;
        const failed = detail.failed > 0 ? `, ${detail.failed} failed` : '';
        const missing = detail.notFound > 0 ? `, ${detail.notFound} no longer in your gallery` : '';
        const state = {
            succeeded: 'Done: ',
            cancelled: 'Cancelled: ',
            failed: `Stopped (${job.error}): `,
        }[job.state] ?? (job.state === 'queued' && job.note ? `${job.note} ` : 'Tagging: ');
        const by = detail.engine === 'openrouter' ? ' by the vision model' : '';
        report(`${state}${processed} of ${detail.total} tagged${by}${failed}${missing}.`);
        find('[data-tag-failures]').replaceChildren(...detail.failures.map(failure => {
            const item = document.createElement('li');
            item.textContent = `${names.get(failure.imageId) ?? failure.imageId}: ${failure.message}`;
            return item;
        }));
    }

    function report(text) {
        find('[data-tag-progress-text]').textContent = text;
    }

    async function copyMetadata() {
        const source = find('[data-copy-source]').value;
        const targets = selected.map(tile => tile.id).filter(id => id !== source);
        const status = find('[data-copy-status]');
        const button = find('[data-copy-metadata]');
        button.disabled = true;
        status.textContent = 'Copying…';
        try {
            const response = await post(`/api/images/${source}/copy-metadata`, { targets, parts: chosenParts() });
            if (!response.ok) {
                status.textContent = `Not copied: ${await problem(response)}`;
                return;
            }
            const result = await response.json();
            const skipped = result.notFound.length > 0 ? ` ${result.notFound.length} no longer in your gallery.` : '';
            status.textContent = `Copied onto ${result.copied.length} image(s).${skipped}`;
            document.dispatchEvent(new CustomEvent('gallery:changed'));
        } finally {
            update();
        }
    }

    // A problem-details body names what was wrong; anything else gets its status.
    async function problem(response) {
        const unreadable = response.status === 404 ? 'the image is no longer in your gallery.' : response.statusText;
        return (await problemMessages(response, unreadable)).join(' ');
    }
}
