// The explicit list of languages recoupe has resources for. To add one: create
// lang/<code>/ with a language.json manifest and the data files of the layers it
// supports, then add a line here (see docs/languages.md).
import type { Doc } from '../doc/doc.js';
import { ResourceLanguage, UnsupportedLanguage, type Language, type LanguageLayer } from './language.js';

const REGISTRY: ReadonlyMap<string, Language> = new Map<string, Language>([
  ['fr', new ResourceLanguage('fr', 'French')],
  ['en', new ResourceLanguage('en', 'English')],
  // Identified (function-words.txt) but not analysed: the generic layers only.
  ['de', new ResourceLanguage('de', 'German')],
  ['es', new ResourceLanguage('es', 'Spanish')],
  ['it', new ResourceLanguage('it', 'Italian')],
  ['pt', new ResourceLanguage('pt', 'Portuguese')],
]);

/** Codes of the registered languages. */
export function registeredLanguages(): string[] {
  return [...REGISTRY.keys()];
}

export function isRegistered(code: string): boolean {
  return REGISTRY.has(code);
}

const unsupported = new Map<string, Language>();

/** The language for an ISO 639-1 code: a registered one, or one with the generic layers only. */
export function languageOf(code: string): Language {
  const known = REGISTRY.get(code);
  if (known) return known;
  let u = unsupported.get(code);
  if (!u) unsupported.set(code, (u = new UnsupportedLanguage(code)));
  return u;
}

/**
 * Does the document's language support `layer`? When it does not, the stage
 * records a note (once per layer) and leaves the layer empty.
 */
export function layerSupported(doc: Doc, layer: LanguageLayer): boolean {
  const lang = languageOf(doc.meta.language);
  if (lang.supports(layer)) return true;
  doc.note('language', `language "${doc.meta.language}" is not supported for ${layer}: the ${layer} layer is left empty`);
  return false;
}
