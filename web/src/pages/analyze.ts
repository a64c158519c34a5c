// Paste or upload an article, analyse it on the server, show its layers.
import type { Analysis } from '../../../src/doc/schema.js';
import { api, type AnalyzeBody } from '../api.js';
import { h, clear } from '../dom.js';
import { fill, t } from '../i18n.js';
import { renderAnalysis } from '../highlight.js';
import { errorBox, mib } from './common.js';

/** Kept across language switches so the page re-renders the same result. */
let last: { input: string; format: string; raw: boolean; analysis: Analysis | null } = { input: '', format: '', raw: false, analysis: null };

export function analyzePage(root: HTMLElement): void {
  const area = h('textarea', { id: 'article', rows: 12, placeholder: t('pasteHere'), spellcheck: false });
  area.value = last.input;
  const file = h('input', { type: 'file', id: 'upload', accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/html,text/markdown' });
  const format = h(
    'select',
    { id: 'format' },
    h('option', { value: '' }, t('formatAuto')),
    h('option', { value: 'text' }, 'text'),
    h('option', { value: 'markdown' }, 'Markdown'),
    h('option', { value: 'html' }, 'HTML'),
  );
  format.value = last.format;
  const raw = h('input', { type: 'checkbox', id: 'raw' });
  raw.checked = last.raw;
  const button = h('button', { type: 'submit', id: 'analyze' }, t('analyze'));
  const out = h('div', { id: 'result' });
  const form = h(
    'form',
    { class: 'analyze-form' },
    h('label', { for: 'article', class: 'field-label' }, t('articleText')),
    area,
    h(
      'div',
      { class: 'row' },
      h('label', {}, t('upload'), ' ', file),
      h('label', {}, t('format'), ' ', format),
      h('label', {}, raw, ' ', t('rawLabel')),
      button,
    ),
  );
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    area.value = await f.text();
    if (/\.html?$/i.test(f.name)) format.value = 'html';
    else if (/\.(md|markdown)$/i.test(f.name)) format.value = 'markdown';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    last = { input: area.value, format: format.value, raw: raw.checked, analysis: null };
    const body: AnalyzeBody = format.value === 'html' ? { html: area.value } : { text: area.value };
    if (format.value === 'text' || format.value === 'markdown') body.format = format.value;
    if (raw.checked) body.raw = true;
    clear(out);
    // Refused before upload when larger than the server accepts (it would answer 413 only once all was sent).
    const size = new Blob([JSON.stringify(body)]).size;
    const limit = (await api.health().catch(() => null))?.maxBody;
    if (limit && size > limit) {
      out.appendChild(
        h('p', { class: 'error too-large', role: 'alert' }, `${t('error')}${t('colon')}${fill('errTooLarge', { size: mib(size), limit: mib(limit) })}`),
      );
      return;
    }
    button.disabled = true;
    // Progress: the time elapsed, and a Cancel that aborts the request (the server then frees the worker).
    const stop = new AbortController();
    const started = Date.now();
    const elapsed = h('span', { class: 'elapsed' }, fill('elapsed', { s: 0 }));
    const cancel = h('button', { type: 'button', class: 'cancel' }, t('cancel'));
    cancel.addEventListener('click', () => stop.abort());
    out.appendChild(
      h('p', { class: 'progress', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `${t('analyzing')} `, elapsed, ' ', cancel),
    );
    const tick = setInterval(() => {
      elapsed.textContent = fill('elapsed', { s: Math.round((Date.now() - started) / 1000) });
    }, 1000);
    try {
      last.analysis = await api.analyze(body, stop.signal);
      clear(out);
      out.appendChild(renderAnalysis(last.analysis));
    } catch (err) {
      clear(out);
      out.appendChild(stop.signal.aborted ? h('p', { class: 'muted cancelled', role: 'status' }, t('cancelled')) : errorBox(err));
    } finally {
      clearInterval(tick);
      button.disabled = false;
    }
  });
  if (last.analysis) out.appendChild(renderAnalysis(last.analysis));
  root.append(form, out);
}
