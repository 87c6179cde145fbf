// The Display page (/settings, Features/Preferences): its controls change the display preferences of
// js/display-preferences.js live, in this browser only; there is no form and no request. Loaded on every
// page, because Blazor's enhanced navigation brings pages in without running their scripts; it acts only
// where a [data-display-preferences] panel is.
const display = window.tagMyStockDisplay;
const panelSelector = "[data-display-preferences]";

const panel = () => document.querySelector(panelSelector);

// The page is rendered with the defaults; show what this browser has chosen.
const showCurrent = () => {
    const controls = panel()?.querySelectorAll("input[name], select[name]") ?? [];
    const current = display.current();
    for (const control of controls) {
        const value = current[control.name];
        if (control.type === "checkbox") {
            control.checked = value === true;
        } else if (control.type === "radio") {
            control.checked = control.value === value;
        } else {
            control.value = value;
        }
    }
};

const announce = (message) => {
    const status = panel()?.querySelector("[data-display-status]");
    if (status) {
        status.textContent = message;
    }
};

document.addEventListener("change", (event) => {
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement) || !control.name || !control.closest(panelSelector)) {
        return;
    }
    display.save({ [control.name]: control.type === "checkbox" ? control.checked : control.value });
    announce("Saved in this browser.");
});

document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element) || !event.target.closest(`${panelSelector} [data-display-reset]`)) {
        return;
    }
    display.reset();
    showCurrent();
    announce("Back to the default display.");
});

showCurrent();
window.Blazor?.addEventListener("enhancedload", showCurrent);
