// The interface language: French or English, remembered in localStorage.
import { countIn, isUiLang, MESSAGES, type MessageKey, type UiLang } from '../../src/present/html-i18n.js';
import { WEB_MESSAGES, type WebKey } from './messages.js';

const KEY = 'recoupe.lang';

function initial(): UiLang {
  const saved = localStorage.getItem(KEY);
  if (isUiLang(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let lang: UiLang = initial();

export function currentLang(): UiLang {
  return lang;
}

export function setLang(next: UiLang): void {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
}

export type Key = MessageKey | WebKey;

export function t(key: Key): string {
  return (WEB_MESSAGES[lang] as Record<string, string>)[key] ?? MESSAGES[lang][key as MessageKey];
}

/** A key built at run time (a rule or a type name): its message, or `fallback` when there is none. */
export function tMaybe(key: string, fallback: string): string {
  return (WEB_MESSAGES[lang] as Record<string, string>)[key] ?? (MESSAGES[lang] as Record<string, string>)[key] ?? fallback;
}

/** A number with its noun, singular or plural: `count(1, 'n_outlets')` is "1 média". */
export function count(n: number, key: MessageKey): string {
  return countIn(lang, n, key);
}

/** A message with {placeholders} filled in. */
export function fill(key: Key, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));
}

/** The country an entity key names (`iso3166:IQ` → « Irak »), in the interface's language; null for other keys. */
export function countryOfKey(key: string): string | null {
  const code = /^iso3166:([A-Z]{2})$/.exec(key)?.[1];
  if (!code) return null;
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? null;
  } catch {
    return null;
  }
}
