// The image tools page (Features/ImageEditing): a crop drawn on the preview, a mask painted on it, each model's
// price, and the edit posted to POST /api/images/{id}/edits/{kind}, whose job is followed until the new image is
// in the gallery. The overlay canvas has the preview's own pixels; a crop is kept as fractions of the image, the
// mask on a canvas of its own (white where the image is repainted) sent as a PNG the server scales.
import { postJson, problemMessages, showMessages } from './api.js';
import { followJob } from './jobs.js';

const cropColour = 'rgba(0, 0, 0, 0.55)';
const maskColour = 'rgba(220, 38, 38, 0.5)';
const overlayHints = {
    crop: 'Drag on the image to choose the part to keep.',
    paint: 'Paint over the area to repaint.',
};

export function attach(root) {
    const find = selector => root.querySelector(selector);
    const preview = find('[data-preview]');
    const overlay = find('[data-overlay]');
    const context = overlay.getContext('2d');
    const mask = document.createElement('canvas');
    const transform = find('form[data-edit="transform"]');
    // The overlay draws the crop until the inpainting tool is used, and paints its mask from then until the crop's is.
    let mode = 'crop';
    let crop = null;
    let painted = false;
    let drag = null;

    if (preview.complete && preview.naturalWidth > 0) {
        sizeCanvases();
    } else {
        preview.addEventListener('load', sizeCanvases, { once: true });
    }

    for (const [tool, chosen] of [['transform', 'crop'], ['inpaint', 'paint']]) {
        const section = find(`[data-tool="${tool}"]`);
        section?.addEventListener('focusin', () => setMode(chosen));
        section?.addEventListener('pointerdown', () => setMode(chosen));
    }

    overlay.addEventListener('pointerdown', event => {
        overlay.setPointerCapture(event.pointerId);
        const point = pointOf(event);
        drag = { start: point, last: point };
        if (mode === 'paint') {
            stroke(point, point);
        }
    });
    overlay.addEventListener('pointermove', event => {
        if (drag === null) {
            return;
        }
        const point = pointOf(event);
        if (mode === 'crop') {
            setCrop(rectangle(drag.start, point));
        } else {
            stroke(drag.last, point);
        }
        drag.last = point;
    });
    overlay.addEventListener('pointerup', () => { drag = null; });
    overlay.addEventListener('pointercancel', () => { drag = null; });

    transform.addEventListener('input', event => {
        if (['cropLeft', 'cropTop', 'cropWidth', 'cropHeight'].includes(event.target.name)) {
            crop = cropFromFields();
            draw();
        }
        showQuality();
    });
    find('[data-clear-crop]').addEventListener('click', () => setCrop(null));
    find('[data-clear-mask]')?.addEventListener('click', () => {
        mask.getContext('2d').clearRect(0, 0, mask.width, mask.height);
        painted = false;
        draw();
    });
    for (const select of root.querySelectorAll('select[name="model"]')) {
        select.addEventListener('change', () => showPrice(select));
    }
    for (const form of root.querySelectorAll('form[data-edit]')) {
        form.addEventListener('submit', event => {
            event.preventDefault();
            edit(form);
        });
    }
    showQuality();
    setMode(mode);

    function sizeCanvases() {
        overlay.width = mask.width = preview.naturalWidth;
        overlay.height = mask.height = preview.naturalHeight;
        draw();
    }

    function setMode(chosen) {
        mode = chosen;
        find('[data-overlay-hint]').textContent = overlayHints[mode];
        draw();
    }

    // Where the pointer is, in the overlay's pixels (the preview's), inside the image.
    function pointOf(event) {
        const box = overlay.getBoundingClientRect();
        return {
            x: clamp((event.clientX - box.left) / box.width, 0, 1) * overlay.width,
            y: clamp((event.clientY - box.top) / box.height, 0, 1) * overlay.height,
        };
    }

    // The crop from start to end as fractions, held to the chosen shape (width / height in pixels).
    function rectangle(start, end) {
        const ratio = Number(transform.elements.namedItem('aspect').value);
        let width = Math.abs(end.x - start.x);
        let height = Math.abs(end.y - start.y);
        if (ratio > 0) {
            height = width / ratio;
            if (height > overlay.height) {
                height = overlay.height;
                width = height * ratio;
            }
        }
        const left = clamp(end.x < start.x ? start.x - width : start.x, 0, overlay.width - width);
        const top = clamp(end.y < start.y ? start.y - height : start.y, 0, overlay.height - height);
        return width < 2 || height < 2 ? null : {
            left: left / overlay.width,
            top: top / overlay.height,
            width: width / overlay.width,
            height: height / overlay.height,
        };
    }

    function setCrop(chosen) {
        crop = chosen;
        const percent = value => (crop === null ? '' : (value * 100).toFixed(1));
        field(transform, 'cropLeft').value = percent(crop?.left);
        field(transform, 'cropTop').value = percent(crop?.top);
        field(transform, 'cropWidth').value = percent(crop?.width);
        field(transform, 'cropHeight').value = percent(crop?.height);
        draw();
    }

    function cropFromFields() {
        const values = ['cropLeft', 'cropTop', 'cropWidth', 'cropHeight'].map(name => field(transform, name).value.trim());
        if (values.some(value => value === '')) {
            return null;
        }
        const [left, top, width, height] = values.map(value => Number(value) / 100);
        return { left, top, width, height };
    }

    function stroke(from, to) {
        const brush = Number(find('form[data-edit="inpaint"]').elements.namedItem('brush').value);
        const scale = overlay.width / overlay.getBoundingClientRect().width;
        const pen = mask.getContext('2d');
        pen.strokeStyle = '#ffffff';
        pen.lineCap = 'round';
        pen.lineJoin = 'round';
        pen.lineWidth = brush * scale;
        pen.beginPath();
        pen.moveTo(from.x, from.y);
        pen.lineTo(to.x, to.y);
        pen.stroke();
        painted = true;
        draw();
    }

    function draw() {
        context.clearRect(0, 0, overlay.width, overlay.height);
        if (mode === 'crop' && crop !== null) {
            const [x, y, w, h] = [crop.left * overlay.width, crop.top * overlay.height, crop.width * overlay.width, crop.height * overlay.height];
            context.fillStyle = cropColour;
            context.fillRect(0, 0, overlay.width, overlay.height);
            context.clearRect(x, y, w, h);
            context.strokeStyle = '#ffffff';
            context.lineWidth = Math.max(2, overlay.width / 400);
            context.strokeRect(x, y, w, h);
        } else if (mode === 'paint' && painted) {
            // The mask's white strokes shown in translucent red: the mask keeps its colours for the server.
            context.drawImage(mask, 0, 0);
            context.globalCompositeOperation = 'source-in';
            context.fillStyle = maskColour;
            context.fillRect(0, 0, overlay.width, overlay.height);
            context.globalCompositeOperation = 'source-over';
        }
    }

    function showQuality() {
        find('[data-quality]').hidden = field(transform, 'format').value === 'png'
            || (field(transform, 'format').value === '' && root.dataset.format === 'png');
    }

    function showPrice(select) {
        const option = select.selectedOptions[0];
        const line = select.closest('form').querySelector('.tool-price');
        line.querySelector('[data-price]').textContent = option.dataset.price;
        line.querySelector('[data-output]').textContent = option.dataset.output ?? '';
    }

    function body(form) {
        const value = name => form.elements.namedItem(name)?.value ?? null;
        switch (form.dataset.edit) {
            case 'transform': {
                const longEdge = value('longEdge').trim();
                const quality = find('[data-quality]').hidden ? '' : value('quality').trim();
                return {
                    rotate: Number(value('rotate')),
                    flipHorizontal: form.elements.namedItem('flip').checked,
                    crop: cropFromFields(),
                    longEdge: longEdge === '' ? null : Number(longEdge),
                    format: value('format') || null,
                    quality: quality === '' ? null : Number(quality),
                };
            }
            case 'upscale':
                return { model: value('model') };
            case 'background':
                return { fill: value('fill'), model: value('model') };
            case 'instruction':
                return { instruction: value('instruction'), model: value('model') };
            case 'inpaint':
                return { prompt: value('prompt'), model: value('model'), mask: painted ? maskPng() : null };
            default:
                throw new Error(`Unknown edit ${form.dataset.edit}`);
        }
    }

    // The mask as the server wants it: white strokes on an opaque black image.
    function maskPng() {
        const flat = document.createElement('canvas');
        flat.width = mask.width;
        flat.height = mask.height;
        const pen = flat.getContext('2d');
        pen.fillStyle = '#000000';
        pen.fillRect(0, 0, flat.width, flat.height);
        pen.drawImage(mask, 0, 0);
        return flat.toDataURL('image/png');
    }

    async function edit(form) {
        if (form.dataset.edit === 'inpaint' && !painted) {
            showErrors(['Paint over the area to repaint on the image first.']);
            return;
        }
        const buttons = [...root.querySelectorAll('form[data-edit] button[type="submit"]')];
        buttons.forEach(button => { button.disabled = true; });
        showErrors([]);
        try {
            const response = await postJson(`/api/images/${root.dataset.image}/edits/${form.dataset.edit}`, body(form));
            if (!response.ok) {
                const unreadable = response.status === 404 ? 'This image is no longer in your gallery.' : `The server answered ${response.status}.`;
                showErrors(await problemMessages(response, unreadable));
                return;
            }
            await follow(await response.json());
        } catch {
            showErrors(['The server could not be reached; check your connection and try again.']);
        } finally {
            buttons.forEach(button => { button.disabled = false; });
        }
    }

    async function follow(job) {
        find('[data-progress]').hidden = false;
        find('[data-result]').hidden = true;
        const followed = await followJob(job, { show, isAttached: () => root.isConnected, cancelButton: find('[data-cancel]'), post: postJson });
        if (!followed) {
            find('[data-status]').textContent = 'Lost track of the edit; your gallery shows the new image when it is made.';
        }
    }

    function show(job) {
        find('[data-progress] progress').value = job.percent;
        find('[data-status]').textContent = job.state === 'failed' ? `Failed: ${job.error}` : job.note ?? 'Waiting to start…';
        const detail = job.detail;
        const result = find('[data-result]');
        if (detail?.resultImageId && result.hidden) {
            const tools = document.createElement('a');
            tools.href = `/images/${detail.resultImageId}/tools`;
            tools.textContent = detail.resultFileName;
            const metadata = document.createElement('a');
            metadata.href = `/images/${detail.resultImageId}`;
            metadata.textContent = 'its metadata';
            result.replaceChildren('New image: ', tools, ' (open ', metadata, ').');
            result.hidden = false;
        }
    }

    function showErrors(messages) {
        showMessages(find('[data-errors]'), messages);
    }
}

function field(form, name) {
    return form.elements.namedItem(name);
}

function clamp(value, low, high) {
    return Math.min(Math.max(value, low), high);
}
