// One stored analysis from the corpus, highlighted like a fresh one.
import { api } from '../api.js';
import { renderAnalysis } from '../highlight.js';
import { load } from './common.js';

export async function documentPage(root: HTMLElement, id: string): Promise<void> {
  await load(root, async () => {
    root.appendChild(renderAnalysis(await api.document(id)));
  });
}
