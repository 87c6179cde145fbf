// Blazor JS initializer (loaded by blazor.web.js on every page). Page scripts in a page's markup do not
// run after an enhanced navigation, so pages name their modules in data-module attributes and this
// attaches them after the first load and after every enhanced page update. An attached element is marked
// data-module-ready: until then its controls do nothing (a file chosen that early is not uploaded).
const attached = new WeakSet();

function attachPageModules() {
    for (const element of document.querySelectorAll('[data-module]')) {
        if (attached.has(element)) {
            continue;
        }
        attached.add(element);
        import(new URL(element.dataset.module, document.baseURI).href).then(module => {
            module.attach(element);
            element.dataset.moduleReady = '';
        });
    }
}

export function afterWebStarted(blazor) {
    attachPageModules();
    blazor.addEventListener('enhancedload', attachPageModules);
}
