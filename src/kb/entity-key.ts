// A filter on an entity takes its key or any of its names, in any language the
// knowledge bases know: « Daech », « Daesh », « EI » and « ISIS » all name one
// actor, so `corpus search --entity Daech` finds the articles that write « Daesh ».
import { languageOf, registeredLanguages } from '../lang/registry.js';
import { knowledgeBase } from './kb.js';

/** The entity key a filter value names: the key of the knowledge-base entity it is a name of, else the value as given (a key). */
export function entityKeyFor(value: string): string {
  return knownEntityKey(value) ?? value;
}

/** The key of the knowledge-base entity `value` is a name of (« Daech », « EI »), or null when no knowledge base names it. */
export function knownEntityKey(value: string): string | null {
  for (const code of registeredLanguages()) {
    if (!languageOf(code).supports('entities')) continue;
    const entity = knowledgeBase(code).lookup(value);
    if (entity) return entity.key;
  }
  return null;
}

let aliasIndex: Map<string, string[]> | null = null;

/** Every name the curated knowledge bases give the entity with this key, in every language (suggestions show them: « Daesh » under « EI »). */
export function entityAliases(key: string): string[] {
  if (!aliasIndex) {
    aliasIndex = new Map();
    for (const code of registeredLanguages()) {
      if (!languageOf(code).supports('entities')) continue;
      for (const e of knowledgeBase(code).entities) {
        if (!e.curated) continue;
        const names = aliasIndex.get(e.key) ?? aliasIndex.set(e.key, []).get(e.key)!;
        for (const n of e.names) if (!names.includes(n)) names.push(n);
      }
    }
  }
  return aliasIndex.get(key) ?? [];
}
