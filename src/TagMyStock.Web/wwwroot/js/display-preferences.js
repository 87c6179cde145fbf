// Display preferences (Features/Preferences): applies the reader's choices to <html> before the first
// paint. Loaded as a classic, synchronous script in <head>, before the stylesheet, so it must stay small
// and wait for nothing. The choices live only in this browser's localStorage: nothing here, and nothing
// that uses it, sends them anywhere. app.css turns the <html> attributes into styles.
(() => {
    "use strict";

    const storageKey = "tms-display";

    // Every preference: the <html> attribute that carries it and its allowed values, the default first.
    // A default sets no attribute; true sets an empty one.
    const preferences = Object.freeze({
        font: { attribute: "data-font", values: ["system", "serif", "atkinson-hyperlegible", "opendyslexic"] },
        textSize: { attribute: "data-text-size", values: ["100", "90", "110", "125", "150"] },
        density: { attribute: "data-density", values: ["comfortable", "compact", "spacious"] },
        reducedMotion: { attribute: "data-reduced-motion", values: [false, true] },
        highContrast: { attribute: "data-high-contrast", values: [false, true] },
        underlineLinks: { attribute: "data-underline-links", values: [false, true] },
    });

    const defaults = () => Object.fromEntries(Object.entries(preferences).map(([name, { values }]) => [name, values[0]]));

    // Unknown keys and values (an older version, a hand edit) fall back to the defaults.
    const read = () => {
        const choices = defaults();
        try {
            const stored = JSON.parse(localStorage.getItem(storageKey) ?? "{}");
            for (const [name, { values }] of Object.entries(preferences)) {
                if (values.includes(stored?.[name])) {
                    choices[name] = stored[name];
                }
            }
        } catch {
            // Storage blocked or unreadable: the defaults stand.
        }
        return choices;
    };

    const apply = (choices) => {
        const root = document.documentElement;
        for (const [name, { attribute, values }] of Object.entries(preferences)) {
            const value = choices[name];
            const wanted = value === values[0] ? null : value === true ? "" : value;
            if (root.getAttribute(attribute) !== wanted) {
                if (wanted === null) {
                    root.removeAttribute(attribute);
                } else {
                    root.setAttribute(attribute, wanted);
                }
            }
        }
    };

    let current = read();
    apply(current);

    // Stores the given valid choices (the others stay) and applies them at once.
    const save = (choices) => {
        const valid = Object.entries(choices).filter(([name, value]) => preferences[name]?.values.includes(value));
        current = { ...current, ...Object.fromEntries(valid) };
        const changed = Object.fromEntries(Object.entries(current).filter(([name, value]) => value !== preferences[name].values[0]));
        try {
            if (Object.keys(changed).length === 0) {
                localStorage.removeItem(storageKey);
            } else {
                localStorage.setItem(storageKey, JSON.stringify(changed));
            }
        } catch {
            // Storage blocked: the choice still holds until the next page load.
        }
        apply(current);
    };

    // Blazor's enhanced navigation merges each new page into this document, <html> attributes included,
    // which drops ours; mutation observers run before the next paint, so putting them back shows no flash.
    const attributes = Object.values(preferences).map(({ attribute }) => attribute);
    new MutationObserver(() => apply(current)).observe(document.documentElement, { attributes: true, attributeFilter: attributes });

    // Another tab changed the preferences.
    addEventListener("storage", (event) => {
        if (event.key === storageKey || event.key === null) {
            current = read();
            apply(current);
        }
    });

    window.tagMyStockDisplay = Object.freeze({ current: () => ({ ...current }), save, reset: () => save(defaults()) });
})();
