// The highlighting colours, shared by the web app (written to
// dist/web/highlight.css by the web build) and inlined into HTML reports.
// Each layer's look applies only while the text does not hide that layer.

/** [class, declarations]: later entries win where spans overlap. */
const LAYER_RULES: [string, string][] = [
  ['m-content', 'text-decoration: underline 2px #888;'],
  ['m-content.m-k-direct', 'background: rgba(106, 168, 79, 0.16); text-decoration: underline 2px #6aa84f;'],
  ['m-content.m-k-indirect', 'background: rgba(230, 145, 56, 0.14); text-decoration: underline 2px #e69138;'],
  ['m-content.m-k-mixed', 'background: rgba(142, 124, 195, 0.16); text-decoration: underline 2px #8e7cc3;'],
  ['m-content.m-k-according', 'background: rgba(69, 129, 142, 0.16); text-decoration: underline 2px #45818e;'],
  ['m-hedged', 'text-decoration-style: wavy; font-style: italic;'],
  ['m-claim', 'outline: 1px dotted #666; outline-offset: 1px;'],
  ['m-ent', 'border-bottom: 2px solid #999;'],
  ['m-ent.m-ent-PER', 'border-bottom-color: #c0392b;'],
  ['m-ent.m-ent-ORG', 'border-bottom-color: #2471a3;'],
  ['m-ent.m-ent-LOC', 'border-bottom-color: #239b56;'],
  ['m-ent.m-ent-DATE', 'border-bottom-color: #b9770e;'],
  ['m-ent.m-ent-QUANTITY', 'border-bottom-color: #7d3c98;'],
  ['m-via', 'background: #d7cdea; box-shadow: inset 0 0 0 1px #8e7cc3;'],
  ['m-source', 'background: #ffd966; font-weight: 600;'],
  ['m-anon', 'background: #f5b7b1; box-shadow: inset 0 0 0 1px #c0392b;'],
  ['m-cue', 'background: #a9cce3; font-weight: 600;'],
];

const HIDDEN_CLASSES = ['m-source', 'm-anon', 'm-cue', 'm-content', 'm-via', 'm-hedged', 'm-ent', 'm-claim'];

export const HIGHLIGHT_CSS = [
  '.text { white-space: pre-wrap; line-height: 1.9; font-size: 1.05rem; max-width: 48rem; }',
  '.text .seg { cursor: pointer; border-radius: 3px; padding: 1px 0; }',
  '.text .seg:focus { outline: 2px solid #f1c40f; }',
  '.text .tag { font-size: 0.62rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; padding: 0 3px; margin: 0 3px; border-radius: 3px; vertical-align: middle; background: #eee; color: #333; text-decoration: none; font-style: normal; }',
  ...LAYER_RULES.map(([cls, decl]) => `.text:not(.hide-${cls.split('.')[0]}) .${cls} { ${decl} }`),
  ...HIDDEN_CLASSES.map((c) => `.text.hide-${c} .tag.${c} { display: none; }`),
  '.swatch { display: inline-block; padding: 2px 6px; margin: 2px; border-radius: 3px; }',
  ...LAYER_RULES.map(([cls, decl]) => `.swatch.${cls} { ${decl} }`),
  '.anon { color: #a93226; }',
  '.quote { font-style: italic; }',
].join('\n');
