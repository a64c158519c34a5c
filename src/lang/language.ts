// The language seam: one `Language` per lang/<code>/ folder, declared in the
// registry (./registry.ts). A language provides its data (files under
// lang/<code>/, validated with zod when first read: see ./schemas.ts) and the
// list of layers that data supports. Stages ask the document's language what
// it can do; a language without resources gets the generic layers (tokens,
// sentences, quotations) and a note naming the layers it cannot do, never
// another language's rules.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANG_ROOT, PACKAGE_ROOT, readValidJson } from './files.js';
import { type FunctionWords, NO_FUNCTION_WORDS, readFunctionWords } from './function-words.js';

/** Layers whose rules or models depend on the language. */
export const LANGUAGE_LAYERS = ['tokens', 'sentences', 'quotes', 'entities', 'attributions', 'claims'] as const;
export type LanguageLayer = (typeof LANGUAGE_LAYERS)[number];

/** Layers every language gets: they need no word list (generic tokenizer and segmenter, quotation marks). */
export const GENERIC_LAYERS: readonly LanguageLayer[] = ['tokens', 'sentences', 'quotes'];

/** lang/<code>/language.json: what the folder holds. */
export const ManifestSchema = z.object({
  $comment: z.string().optional(),
  /** English name of the language. */
  name: z.string().min(1),
  /** Layers the folder's data supports (the generic ones are always available). */
  layers: z.array(z.enum(LANGUAGE_LAYERS)),
  /** NER model for the entities layer, relative to the package root; null when the language has none (rules and KB only). */
  nerModel: z.string().min(1).nullable(),
  /** ISO 639-3 code, as language identifiers (franc) name the language. */
  iso639_3: z.string().regex(/^[a-z]{3}$/),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export interface Language {
  /** ISO 639-1 code. */
  readonly code: string;
  /** English name ("French"), or the code for a language without resources. */
  readonly name: string;
  /** True when lang/<code>/ exists and is registered (its data is loaded lazily). */
  readonly hasResources: boolean;
  /** Does this language's data support `layer`? */
  supports(layer: LanguageLayer): boolean;
  /** Absolute path of the NER model for the entities layer, or null. */
  nerModel(): string | null;
  /** ISO 639-3 code (for language identification), or null when unknown. */
  iso639_3(): string | null;
  /** Absolute path of a file of lang/<code>/ (for the loaders; never another language's folder). */
  file(name: string): string;
  /** The language's function words (lang/<code>/function-words.txt), read once; none for a language without the file. */
  functionWords(): FunctionWords;
}

/** A registered language: its manifest is read (and validated) on first use. */
export class ResourceLanguage implements Language {
  readonly hasResources = true;
  private manifest: Manifest | undefined;
  private functionWordList: FunctionWords | undefined;

  constructor(
    readonly code: string,
    private readonly fallbackName: string,
  ) {}

  private load(): Manifest {
    if (!this.manifest) {
      this.manifest = readValidJson(this.file('language.json'), ManifestSchema);
    }
    return this.manifest;
  }

  get name(): string {
    return this.manifest?.name ?? this.fallbackName;
  }

  supports(layer: LanguageLayer): boolean {
    return GENERIC_LAYERS.includes(layer) || this.load().layers.includes(layer);
  }

  nerModel(): string | null {
    const m = this.load().nerModel;
    return m === null ? null : join(PACKAGE_ROOT, m);
  }

  iso639_3(): string {
    return this.load().iso639_3;
  }

  file(name: string): string {
    return join(LANG_ROOT, this.code, name);
  }

  functionWords(): FunctionWords {
    if (!this.functionWordList) {
      const path = this.file('function-words.txt');
      this.functionWordList = existsSync(path) ? readFunctionWords(path) : NO_FUNCTION_WORDS;
    }
    return this.functionWordList;
  }
}

/** A language recoupe has no resources for: generic layers only. */
export class UnsupportedLanguage implements Language {
  readonly hasResources = false;
  constructor(readonly code: string) {}
  get name(): string {
    return this.code;
  }
  supports(layer: LanguageLayer): boolean {
    return GENERIC_LAYERS.includes(layer);
  }
  nerModel(): null {
    return null;
  }
  iso639_3(): null {
    return null;
  }
  file(name: string): never {
    throw new Error(`no resources for language "${this.code}" (asked for ${name})`);
  }
  functionWords(): FunctionWords {
    return NO_FUNCTION_WORDS;
  }
}

/** True when lang/<code>/ holds a manifest (used by the registry's consistency test). */
export function hasManifest(code: string): boolean {
  return existsSync(join(LANG_ROOT, code, 'language.json'));
}
