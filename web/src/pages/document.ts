// One stored analysis from the corpus, highlighted like a fresh one, with
// links to its shareable report (self-contained HTML, or Markdown).
import { api } from '../api.js';
import { h } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import { renderAnalysis } from '../highlight.js';
import { load } from './common.js';

export async function documentPage(root: HTMLElement, id: string): Promise<void> {
  await load(root, async () => {
    const report = (format: string) => `/api/documents/${encodeURIComponent(id)}/report?${new URLSearchParams({ format, lang: currentLang() })}`;
    root.append(
      h(
        'p',
        { class: 'report-links' },
        `${t('report')}${t('colon')}`,
        h('a', { href: report('html'), class: 'report-html' }, 'HTML'),
        ' · ',
        h('a', { href: report('md'), class: 'report-md' }, 'Markdown'),
      ),
      renderAnalysis(await api.document(id)),
    );
  });
}
