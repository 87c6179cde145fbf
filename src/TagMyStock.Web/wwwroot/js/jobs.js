// Following a background job (Features/Jobs) from a page: its state from GET /api/jobs/{id} once a second
// until it ends, and a cancel button that asks POST /api/jobs/{id}/cancel. The gallery's tagging and the
// generate page both follow their jobs through it.
const pollMs = 1000;

// Calls show(job) with each state until the job has finished or isAttached() says the page has moved on;
// false when the job could no longer be read.
export async function followJob(job, { show, isAttached, cancelButton, post }) {
    cancelButton.hidden = false;
    cancelButton.disabled = false;
    cancelButton.onclick = async () => {
        cancelButton.disabled = true;
        await post(`/api/jobs/${job.id}/cancel`, {});
    };
    try {
        for (;;) {
            show(job);
            if (job.finished || !isAttached()) {
                return true;
            }
            await new Promise(resolve => setTimeout(resolve, pollMs));
            const poll = await fetch(`/api/jobs/${job.id}`, { headers: { Accept: 'application/json' } });
            if (!poll.ok) {
                return false;
            }
            job = await poll.json();
        }
    } finally {
        cancelButton.hidden = true;
    }
}
