// What every axe-core run of this project shares: the pinned version, the
// rules (WCAG 2.0/2.1/2.2 A and AA tags, plus `target-size`), and the
// in-page script that runs axe and returns plain results. Used by axe.mjs
// (the widget page) and e2e.mjs (the host pages).

export const AXE_VERSION = '4.14.1';

export const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  // Nodes only for violations and incomplete; passes still list rule ids.
  resultTypes: ['violations', 'incomplete'],
};

// For executeAsync(RUN_AXE, [AXE_OPTIONS]): violations and incomplete
// results carry their nodes (and `n`, how many), passes and inapplicable
// rules their ids.
export const RUN_AXE = `
const done = arguments[arguments.length - 1];
const options = arguments[0];
if (typeof axe === 'undefined') { done({ error: 'axe is not defined in the page' }); return; }
axe.run(document, options).then((r) => {
  const nodes = (list) => list.map((n) => ({
    target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
    html: n.html,
    summary: n.failureSummary || '',
  }));
  const rule = (x) => ({
    id: x.id, impact: x.impact, help: x.help, helpUrl: x.helpUrl, n: x.nodes.length, nodes: nodes(x.nodes),
  });
  done({
    version: axe.version,
    passes: r.passes.map((x) => x.id),
    inapplicable: r.inapplicable.map((x) => x.id),
    incomplete: r.incomplete.map(rule),
    violations: r.violations.map(rule),
  });
}, (e) => done({ error: 'axe.run rejected: ' + (e && e.message || e) }));
`;
