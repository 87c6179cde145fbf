// The generate page (Features/Generation): the run's price as the choices change (each model option carries its
// price for one image of each aspect ratio), the request to POST /api/generations with the page's antiforgery
// token in a header, then the job's progress from GET /api/jobs/{id} until it ends, with links to the new images.
import { postJson as post, problemMessages as problems, showMessages } from './api.js';
import { followJob } from './jobs.js';

const pollMs = 1000;
const thumbnailTries = 30;
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });

export function attach(root) {
    const form = root.querySelector('form');
    const find = selector => root.querySelector(selector);
    const field = name => form.elements.namedItem(name);

    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', event => {
        event.preventDefault();
        generate();
    });
    update();

    function update() {
        const option = field('model').selectedOptions[0];
        const perImage = JSON.parse(option.dataset.prices)[field('aspectRatio').value];
        const images = Number(field('images').value);
        const valid = Number.isInteger(images) && images >= 1 && images <= Number(field('images').max);
        find('[data-price]').textContent = valid ? dollars.format(perImage * images) : 'choose 1 to 4 images';
        const negative = option.dataset.negative === 'true';
        find('[data-negative-field]').hidden = !negative;
        field('negativePrompt').disabled = !negative;
    }

    async function generate() {
        const submit = form.querySelector('button[type="submit"]');
        submit.disabled = true;
        showErrors([]);
        try {
            const seed = field('seed').value.trim();
            const negative = field('negativePrompt');
            const response = await post('/api/generations', {
                prompt: field('prompt').value,
                model: field('model').value,
                aspectRatio: field('aspectRatio').value,
                images: Number(field('images').value),
                seed: seed === '' ? null : Number(seed),
                negativePrompt: negative.disabled || negative.value.trim() === '' ? null : negative.value,
                tagOnArrival: field('tagOnArrival').checked,
            });
            if (!response.ok) {
                showErrors(await problems(response));
                return;
            }
            await follow(await response.json());
        } catch {
            showErrors(['The server could not be reached; check your connection and try again.']);
        } finally {
            submit.disabled = false;
        }
    }

    async function follow(job) {
        find('[data-progress]').hidden = false;
        find('[data-results]').replaceChildren();
        find('[data-gallery-link]').hidden = true;
        const followed = await followJob(job, { show, isAttached: () => root.isConnected, cancelButton: find('[data-cancel]'), post });
        if (!followed) {
            status('Lost track of the run; your gallery shows the images that arrived.');
        }
    }

    function show(job) {
        find('[data-progress] progress').value = job.percent;
        status(job.state === 'failed' ? `Failed: ${job.error}` : job.note ?? 'Waiting to start…');
        const detail = job.detail;
        find('[data-problems]').replaceChildren(...detail.problems.map(problem => {
            const item = document.createElement('li');
            item.textContent = problem;
            return item;
        }));
        const results = find('[data-results]');
        for (const image of detail.images.slice(results.children.length)) {
            results.append(tile(image, results.children.length + 1));
        }
        find('[data-gallery-link]').hidden = detail.images.length === 0;
    }

    // The thumbnail is made a moment after the image is stored: until then its URL answers 404, so try again.
    function tile(image, number) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = image.editor;
        const picture = document.createElement('img');
        picture.alt = `Generated image ${number}: open it in the editor`;
        let tries = 0;
        picture.addEventListener('error', () => {
            if (++tries < thumbnailTries) {
                setTimeout(() => { picture.src = `${image.thumbnail}?try=${tries}`; }, pollMs);
            }
        });
        picture.src = image.thumbnail;
        const caption = document.createElement('span');
        caption.className = 'hint';
        caption.textContent = `${image.width} × ${image.height}${image.seed === null ? '' : `, seed ${image.seed}`}`;
        link.append(picture);
        item.append(link, caption);
        return item;
    }

    function status(text) {
        find('[data-status]').textContent = text;
    }

    function showErrors(messages) {
        showMessages(find('[data-errors]'), messages);
    }
}
