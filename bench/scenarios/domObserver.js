// Runs in a wall screen (evaluated, as gaugeObserver.js): counts the DOM's changes by the panel they happen in, so
// that a profile can say which widgets a delta touched, and the time each chart's updates take. `window.__domChanges` maps a panel's name (its test id,
// else its first class) to the number of mutation records in it; `window.__domChangesReset()` starts again.
// Plain JavaScript on purpose: the bench's TypeScript is compiled with helpers the page would not have.
(() => {
  const counts = new Map();
  const panelOf = (node) => {
    const el = node instanceof Element ? node : node.parentElement;
    const panel = el?.closest('.panel, [data-tile], [data-testid^="view-"]');
    if (!panel) return '(outside the panels)';
    return panel.getAttribute('data-testid') ?? panel.classList[1] ?? panel.classList[0] ?? panel.tagName;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const name = panelOf(r.target);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  // The charts' updates, which the wall marks in the performance timeline as `chart:<test id>` (ms, updates).
  const charts = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const [ms, n] = charts.get(e.name) ?? [0, 0];
      charts.set(e.name, [ms + e.duration, n + 1]);
    }
  }).observe({ type: 'measure' });
  window.__chartUpdates = () => Object.fromEntries(charts);
  window.__domChanges = () => Object.fromEntries(counts);
  window.__domChangesReset = () => counts.clear();
})();
