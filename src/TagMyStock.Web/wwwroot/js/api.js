// Calling the app's JSON API from a page: the antiforgery token the page carries goes in a header, and a
// problem-details answer is turned into the sentences it holds.

/** The page's antiforgery token (from its <AntiforgeryToken /> field). */
export function antiforgeryToken() {
    return document.querySelector('input[name="__RequestVerificationToken"]').value;
}

/** POSTs body as JSON with the antiforgery header. */
export function postJson(url, body) {
    return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: antiforgeryToken() },
        body: JSON.stringify(body),
    });
}

/** What a failed answer says, as sentences: each field's problem, else its detail or title, else whenUnreadable. */
export async function problemMessages(response, whenUnreadable = `The server answered ${response.status}.`) {
    try {
        const problem = await response.json();
        const fields = Object.values(problem.errors ?? {}).flat();
        return fields.length > 0 ? fields : [problem.detail ?? problem.title ?? whenUnreadable];
    } catch {
        return [whenUnreadable];
    }
}

/** Shows messages as paragraphs in box, hiding it when there are none. */
export function showMessages(box, messages) {
    box.replaceChildren(...messages.map(message => {
        const line = document.createElement('p');
        line.textContent = message;
        return line;
    }));
    box.hidden = messages.length === 0;
}
