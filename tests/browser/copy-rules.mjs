// The copy desk's rules for the widget's rendered text (shared/copy-style.md),
// and the structure of the ClaimReview markup: pure functions over what the
// browser read, used by e2e.mjs.
//
// checkText(widget, scenario) takes { lang, panels: [{ view, segs: [{ lang,
// text, nl }], attrs: [{ lang, name, where, value }] }] } and returns the
// findings [{ rule, view, where, snippet, count }], one per distinct
// snippet (the first view it was seen in, and how often).

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const CONTEXT = 40;

const isEnglish = (lang) => /^en/i.test(lang || '');
const isFrench = (lang) => /^fr/i.test(lang || '');

/** A snippet of `text` around [start, end), whitespace made visible. */
function around(text, start, end) {
  const a = Math.max(0, start - CONTEXT);
  const b = Math.min(text.length, end + CONTEXT);
  const show = (s) => s.replace(/\n/g, ' ⏎ ').replace(/\u00a0/g, '⍽').replace(/\u202f/g, '˽');
  return `${a > 0 ? '…' : ''}${show(text.slice(a, start))}【${show(text.slice(start, end))}】${show(text.slice(end, b))}${b < text.length ? '…' : ''}`;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every id of the scenario a reader must never see: events, claims, hypotheses, parameters, components. */
export function scenarioIds(s) {
  const ids = new Set();
  for (const list of [s.events, s.claims, s.hypotheses, s.parameters, (s.model || {}).components]) {
    for (const x of list || []) if (x && x.id) ids.add(x.id);
  }
  return [...ids];
}

/**
 * The rules, each { rule, lang: 'fr' | 'all', re } applied to text of that
 * language; `re` must be global. Rules for French apply to French text only
 * (English originals, lang=en, are left out).
 */
function rulesFor(scenario, widgetLang) {
  const rules = [
    // French typography.
    { rule: 'space-before-colon', lang: 'fr', re: / :/g },
    { rule: 'space-before-percent', lang: 'fr', re: / %/g },
    { rule: 'space-inside-guillemets', lang: 'fr', re: /« | »/g },
    { rule: 'english-quotes-in-french', lang: 'fr', re: /["“”]/g },
    // A trailing zero: 5,0 %, 1.0 times, 2,0 at the end.
    { rule: 'trailing-zero', lang: 'all', re: /\d[.,]0(?=[ \u00a0\u202f%]|$)/gm },
    // A decimal hour of the clock: 14,0 h, 21,5 h, 14.0 h.
    { rule: 'decimal-hour', lang: 'all', re: /\b\d{1,2}[.,]\d+[ \u00a0\u202f]h(?![\p{L}\d])/gu },
    // French thousands (numbers of 10 000 and more): 17000, 17 000 with a
    // plain space, 17,000 (an English separator).
    { rule: 'french-thousands', lang: 'fr', re: /(?<![\d.,]|\d[ \u00a0\u202f])(?:\d{5,}|\d{2,3}(?: \d{3})+|\d{1,3}(?:,\d{3})+)(?![\d,.]\d)/g },
  ];
  // Internal ids: ids with - or _ anywhere as a word; ids that are ordinary
  // words (deadline, election) only in id-like contexts: id=, =id, (id),
  // a comma list without spaces (election,deadline); in French, an English
  // id word anywhere (it is not a French word).
  const ids = scenarioIds(scenario).sort((a, b) => b.length - a.length);
  const marked = ids.filter((id) => /[-_]/.test(id));
  const plain = ids.filter((id) => !/[-_]/.test(id));
  if (marked.length) {
    rules.push({ rule: 'internal-id', lang: 'all',
      re: new RegExp(`(?<![\\p{L}\\d_-])(?:${marked.map(escapeRe).join('|')})(?![\\p{L}\\d_-])`, 'gu') });
  }
  if (plain.length) {
    const alt = plain.map(escapeRe).join('|');
    if (widgetLang === 'fr') {
      rules.push({ rule: 'internal-id', lang: 'fr', re: new RegExp(`(?<![\\p{L}\\d_-])(?:${alt})(?![\\p{L}\\d_-])`, 'gu') });
    } else {
      // key=value, (id) alone, or an item of a list with no spaces (election,deadline).
      const w = '(?<![\\p{L}\\d_-])';
      const e = '(?![\\p{L}\\d_-])';
      rules.push({ rule: 'internal-id', lang: 'all',
        re: new RegExp([`(?<==)(?:${alt})${e}`, `${w}(?:${alt})(?==)`, `\\((?:${alt})\\)`,
          `(?<=[\\p{L}\\d],)(?:${alt})${e}`, `${w}(?:${alt})(?=,[\\p{L}\\d])`].join('|'), 'gu') });
    }
  }
  return rules;
}

/** Joins segments into lines of text: the text of one language group (`keep(lang)`), others replaced by a mark. */
function joined(segs, keep) {
  let out = '';
  for (const s of segs) {
    if (s.nl && out) out += '\n';
    out += keep(s.lang) ? s.text : '⟦…⟧';
  }
  return out;
}

/** How much the French rules had to read: colons, per cents, guillemets, numbers of five digits or more. */
export function frenchStats(widget) {
  const st = { colons: 0, percents: 0, guillemets: 0, bigNumbers: 0 };
  for (const p of widget.panels) {
    const t = joined(p.segs, (l) => !isEnglish(l));
    st.colons += (t.match(/:/g) || []).length;
    st.percents += (t.match(/%/g) || []).length;
    st.guillemets += (t.match(/[«»]/g) || []).length;
    st.bigNumbers += (t.match(/\d{2,3}[\u00a0\u202f ]\d{3}|\d{5,}/g) || []).length;
  }
  return st;
}

export function checkText(widget, scenario) {
  const rules = rulesFor(scenario, widget.lang);
  const seen = new Map();
  const add = (rule, view, where, text, m) => {
    const snippet = around(text, m.index, m.index + m[0].length);
    const key = `${rule}\u0000${where}\u0000${snippet}`;
    if (seen.has(key)) {
      const f = seen.get(key);
      if (f.view !== view && !f.views.includes(view)) f.views.push(view);
      f.count++;
      return;
    }
    seen.set(key, { rule, view, views: [view], where, snippet, count: 1 });
  };
  for (const p of widget.panels) {
    // All of the widget's own text (English originals left out of the French rules).
    const all = joined(p.segs, () => true);
    const french = joined(p.segs, (l) => !isEnglish(l) && (isFrench(l) || widget.lang === 'fr'));
    for (const r of rules) {
      if (r.lang === 'fr' && widget.lang !== 'fr') continue;
      const text = r.lang === 'fr' ? french : all;
      for (const m of text.matchAll(r.re)) add(r.rule, p.view, '', text, m);
    }
    for (const a of p.attrs) {
      for (const r of rules) {
        if (r.lang === 'fr' && (widget.lang !== 'fr' || isEnglish(a.lang))) continue;
        for (const m of a.value.matchAll(r.re)) add(r.rule, p.view, `[${a.name} of ${a.where}]`, a.value, m);
      }
    }
  }
  // One line per snippet, however many views showed it.
  const out = [];
  const bySnippet = new Map();
  for (const f of seen.values()) {
    const k = `${f.rule}\u0000${f.where}\u0000${f.snippet}`;
    if (!bySnippet.has(k)) bySnippet.set(k, f);
  }
  for (const f of bySnippet.values()) {
    out.push({ ...f, view: f.views.length > 1 ? `${f.views[0]} (+${f.views.length - 1} view(s))` : f.view });
  }
  return out;
}

/**
 * Checks ClaimReview JSON-LD text: an array, one object per claim, each
 * with the fields Google's fact-check markup asks for. `verdicts`: the
 * verdict class of each claim in the widget (cc-verdict-…), so that a not
 * testable claim need not carry a per cent figure. Returns problems.
 */
export function validateClaimReview(text, { claims, lang, verdicts = [] }) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return [`not valid JSON: ${e.message}`];
  }
  if (!Array.isArray(data)) return [`not an array but ${typeof data}`];
  const problems = [];
  if (data.length !== claims.length) problems.push(`${data.length} objects for ${claims.length} claims`);
  const str = (v) => typeof v === 'string' && v.trim().length > 0;
  data.forEach((o, i) => {
    const p = (msg) => problems.push(`[${i}] ${msg}`);
    if (!o || typeof o !== 'object') { p('not an object'); return; }
    if (o['@context'] !== 'https://schema.org') p(`@context ${JSON.stringify(o['@context'])}`);
    if (o['@type'] !== 'ClaimReview') p(`@type ${JSON.stringify(o['@type'])}`);
    if (!str(o.claimReviewed)) p('no claimReviewed');
    else if (claims[i] && claims[i].text && o.claimReviewed !== claims[i].text[lang]) {
      p(`claimReviewed is not claim ${claims[i].id}'s text in ${lang}: ${JSON.stringify(o.claimReviewed).slice(0, 80)}`);
    }
    if (!str(o.url) || !/^https?:\/\//.test(o.url)) p(`url ${JSON.stringify(o.url)}`);
    if (!str(o.datePublished) || !/^\d{4}-\d{2}-\d{2}/.test(o.datePublished)) p(`datePublished ${JSON.stringify(o.datePublished)}`);
    if (!o.author || !str(o.author.name)) p(`author.name ${JSON.stringify(o.author)}`);
    const rating = o.reviewRating;
    if (!rating || !str(rating.alternateName)) p(`reviewRating.alternateName ${JSON.stringify(rating)}`);
    else {
      const testable = verdicts[i] !== 'cc-verdict-not-testable';
      if (testable && !/\d[\d\u00a0\u202f ,.]*[\u00a0\u202f ]?%|per cent|pour cent/.test(rating.alternateName)) {
        p(`reviewRating.alternateName has no per cent figure: ${JSON.stringify(rating.alternateName)}`);
      }
      if (testable && rating.ratingValue !== undefined &&
        !(rating.ratingValue >= (rating.worstRating ?? 1) && rating.ratingValue <= (rating.bestRating ?? 5))) {
        p(`ratingValue ${rating.ratingValue} outside ${rating.worstRating}–${rating.bestRating}`);
      }
    }
    const item = o.itemReviewed;
    if (!item || item['@type'] !== 'Claim') p(`itemReviewed.@type ${JSON.stringify(item && item['@type'])}`);
    else {
      if (!item.author || !(str(item.author) || str(item.author.name))) p(`itemReviewed.author ${JSON.stringify(item.author)}`);
      if (item.appearance !== undefined) {
        const list = Array.isArray(item.appearance) ? item.appearance : [item.appearance];
        for (const a of list) {
          if (!a || typeof a !== 'object' || !(str(a.url) || str(a.headline))) p(`itemReviewed.appearance ${JSON.stringify(a).slice(0, 120)}`);
        }
      }
    }
  });
  return problems;
}
