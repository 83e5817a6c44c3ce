// Runs in a screen (the wall's or the floor's), added as a classic script before the driver starts. A
// MutationObserver on the gauges records when each gauge's `data-value` changes, on the page's clock (ms since the
// epoch): `window.__bench.changes` is a list of [gauge test id, value, time, drawn]. It watches the gauges'
// container, so a gauge drawn anew counts as a change too (`drawn` 1: a paged overview's next page, whose values may
// have arrived long before it came round), and a value written again unchanged does not.
// Plain JavaScript on purpose: the bench's TypeScript is compiled with helpers the page would not have.
window.__bench = (() => {
  const bench = { gauges: 0, changes: [], last: new Map() };
  const values = document.querySelectorAll('[data-testid="gauge-value"]');
  const read = (el) => [
    el.closest('[data-testid^="gauge-"]:not([data-testid="gauge-value"])')?.getAttribute('data-testid') ?? '',
    el.getAttribute('data-value') ?? '',
  ];
  for (const el of values) {
    const [gauge, value] = read(el);
    bench.last.set(gauge, value);
  }
  bench.gauges = values.length;
  const container = values[0]?.closest('[data-testid^="gauge-"]:not([data-testid="gauge-value"])')?.parentElement;
  if (!container) return bench;
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now();
    // Each touched value element, and whether it was drawn anew (1) or changed in place (0).
    const touched = new Map();
    for (const r of records) {
      if (r.type === 'attributes' && !touched.has(r.target)) touched.set(r.target, 0);
      for (const node of r.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[data-testid="gauge-value"]')) touched.set(node, 1);
        for (const el of node.querySelectorAll('[data-testid="gauge-value"]')) touched.set(el, 1);
      }
    }
    for (const [el, drawn] of touched) {
      const [gauge, value] = read(el);
      if (bench.last.get(gauge) === value) continue;
      bench.last.set(gauge, value);
      bench.changes.push([gauge, value, at, drawn]);
    }
  }).observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
  return bench;
})();
