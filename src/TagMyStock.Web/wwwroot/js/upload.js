// Upload: drag and drop or the file picker, one request per file so that each has its own progress bar
// and result; three at a time. The antiforgery token travels in a header, never in the form body.
const concurrency = 3;

export function attach(section) {
    const form = section.querySelector('.upload-form');
    const input = section.querySelector('.file-input');
    const dropzone = section.querySelector('.dropzone');
    const list = section.querySelector('.upload-list');
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    const maxBytes = Number(section.dataset.maxBytes);

    form.addEventListener('submit', event => event.preventDefault());
    input.addEventListener('change', () => {
        start([...input.files]);
        input.value = '';
    });
    for (const type of ['dragenter', 'dragover']) {
        dropzone.addEventListener(type, event => {
            event.preventDefault();
            dropzone.classList.add('dragging');
        });
    }
    dropzone.addEventListener('dragleave', () => dropzone.classList.remove('dragging'));
    dropzone.addEventListener('drop', event => {
        event.preventDefault();
        dropzone.classList.remove('dragging');
        start([...event.dataTransfer.files]);
    });

    async function start(files) {
        const queue = files.map(file => ({ file, view: addRow(file) }));
        const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
            for (let item = queue.shift(); item; item = queue.shift()) {
                await uploadOne(item.file, item.view);
            }
        });
        await Promise.all(workers);
        if (files.length > 0) {
            document.dispatchEvent(new CustomEvent('gallery:changed'));
        }
    }

    function addRow(file) {
        const row = document.createElement('li');
        row.className = 'upload-item';
        const name = document.createElement('span');
        name.className = 'upload-name';
        name.textContent = file.name;
        const progress = document.createElement('progress');
        progress.max = 100;
        progress.value = 0;
        progress.setAttribute('aria-label', `Upload of ${file.name}`);
        const status = document.createElement('span');
        status.className = 'upload-status';
        status.textContent = 'Waiting';
        row.append(name, progress, status);
        list.append(row);
        return { row, progress, status };
    }

    async function uploadOne(file, view) {
        if (file.size > maxBytes) {
            finish(view, 'refused', `Refused: larger than ${section.dataset.maxSizeText}`);
            return;
        }
        for (;;) {
            const request = await send(file, view);
            if (request.status === 429) {
                const wait = Number(request.getResponseHeader('Retry-After') || '10');
                view.status.textContent = `Waiting ${wait} s: too many uploads at once`;
                await new Promise(resolve => setTimeout(resolve, wait * 1000));
                continue;
            }
            report(request, view);
            return;
        }
    }

    function send(file, view) {
        return new Promise(resolve => {
            const request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.setRequestHeader('RequestVerificationToken', token);
            request.upload.addEventListener('progress', event => {
                if (event.lengthComputable) {
                    view.progress.value = Math.round(event.loaded / event.total * 100);
                    view.status.textContent = `${view.progress.value} %`;
                }
            });
            for (const end of ['load', 'error', 'abort']) {
                request.addEventListener(end, () => resolve(request));
            }
            const body = new FormData();
            body.append('files', file, file.name);
            view.status.textContent = 'Uploading';
            request.send(body);
        });
    }

    function report(request, view) {
        if (request.status === 200) {
            const [result] = JSON.parse(request.responseText);
            if (result.status === 'stored') {
                finish(view, 'stored', result.nearDuplicateOf ? 'Stored (a near duplicate of an earlier image)' : 'Stored');
            } else {
                finish(view, 'refused', `Refused: ${result.reason}`);
            }
        } else if (request.status === 0) {
            finish(view, 'refused', 'Failed: the connection was lost. Try again.');
        } else {
            let detail = request.statusText;
            try {
                detail = JSON.parse(request.responseText).detail ?? detail;
            } catch {
                // Not a problem-details body: the status text says enough.
            }
            finish(view, 'refused', `Failed: ${detail}`);
        }
    }

    function finish(view, state, text) {
        view.row.classList.add(state);
        view.progress.value = 100;
        view.status.textContent = text;
    }
}
