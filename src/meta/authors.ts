// Author names from credit values (by-lines, JSON-LD and <meta> authors).
// A credit is cut where the names end (a date, "Publié le", a pipe), its
// prefix dropped ("Par", "Propos recueillis par"), split into parts ("et",
// ",", "avec"), and each part stripped of a job title ("journaliste", "AP Auto
// Writer"). Parts that are no person's name are dropped: URLs, e-mail
// addresses, placeholders ("La rédaction"), the outlet's own name. News
// agencies are kept only when nobody else is credited ("Le Monde avec AFP" →
// AFP; "Jeanne Dupont avec AFP" → Jeanne Dupont). Lexicon: lang/*/authors.tsv.
import type { MetaHint } from '../layout/types.js';
import { authorLexicon } from '../layout/lexicon/author-lexicon.js';
import { firstGroup, metaCues } from '../layout/lexicon/cues.js';
import { linkSpaces } from '../layout/text/label.js';
import { isFirstName } from '../layout/lexicon/first-names.js';

export interface AuthorContext {
  /**
   * the credits are values a page declares in its markup (JSON-LD, <meta>): no text browser glued fields to them, so
   * a capital inside a word is part of the name ("AppleInsider", "LinkNaija"), and a lower-case user name may follow
   * the prefix ("By admin")
   */
  declared?: boolean;
  /** names of the outlet publishing the page (site name, publisher, handle): never its authors */
  outlets?: (string | null | undefined)[];
  url?: string | null;
}

const MAX_NAME = 60;
const MAX_WORDS = 6;
/** Longer credits are bios or whole paragraphs: only their opening is read. */
const MAX_CREDIT = 300;

export function cleanAuthors(values: string[], ctx: AuthorContext = {}): string[] {
  const people: string[] = [];
  const agencies: string[] = [];
  const outletKeys = outletNames(ctx);
  for (const drawn of values) {
    const value = linkSpaces(drawn);
    // A desk's credit: a section of the site before the site itself ("Zone Société - ICI.Radio-Canada.ca", "Service
    // Politique | Le Quotidien"): the part before names a person only when it opens with a given name.
    const desk = siteAfterField(value, outletKeys);
    const names: string[] = [];
    let afterAgency = false;
    for (const part of creditParts(value, ctx.declared).map(undoubled)) {
      const agency = agencyName(part);
      // "Reuters, Washington": one word after an agency's name is the place its dispatch was filed from.
      const place = afterAgency && !part.includes(' ');
      afterAgency = !!agency;
      if (agency) addOnce(agencies, agency);
      else if (place) continue;
      else {
        const name = personName(part, outletKeys);
        if (name && (!desk || isFirstName(name.split(' ')[0]!))) names.push(name);
      }
    }
    // "Jeanne Dupont, Futurism": beside a full name, a lone word is an affiliation, not a co-author.
    const full = names.some((n) => n.includes(' '));
    for (const n of names) if (!full || n.includes(' ')) addOnce(people, n);
  }
  return people.length ? people : agencies;
}

/** A domain name ("ICI.Radio-Canada.ca", "www.example.com/"). */
const DOMAIN = /^(?:https?:\/\/)?(?:[\p{L}\p{N}-]{1,63}\.){1,4}[a-z]{2,6}\/?$/iu;

/** Whether the last field of a credit, after a dash or a bar, is the site itself (its domain or its outlet's name). */
function siteAfterField(value: string, outletKeys: string[]): boolean {
  const last = /^.*\s[|•·—–-]\s+(.{2,60})$/u.exec(value.trim().slice(-MAX_CREDIT))?.[1]?.trim();
  return !!last && (DOMAIN.test(last) || isOutlet(last, outletKeys));
}

/** A credit written twice in a row ("PTI PTI", a logo's alt text before the name): once. */
function undoubled(part: string): string {
  const ws = words(part);
  const half = ws.length / 2;
  return ws.length >= 2 && Number.isInteger(half) && ws.slice(0, half).join(' ') === ws.slice(half).join(' ') ? ws.slice(0, half).join(' ') : part;
}

function addOnce(list: string[], name: string): void {
  if (!list.some((n) => n.toLowerCase() === name.toLowerCase())) list.push(name);
}

/** The parts of one credit, between its prefix and where the names end. */
export function creditParts(value: string, declared = false): string[] {
  const lex = authorLexicon();
  let t = value
    .slice(0, MAX_CREDIT)
    // html2text draws a link's spaces as underscores ("By Tim_Childers_-_Live_Science_Contributor"): names hold none.
    .replace(/(?<=[\p{L}.-])_+(?=[\p{L}-])/gu, ' ')
    // An e-mail address ends the names, with what a text browser glues to it ("Megan Rowe meganr@example.com(509) 459-5382").
    .replace(/\s*[\w.+-]+@[\w-]+\.[\w.-]+.*$/u, '')
    .replace(/[()[\]]/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
  // The author's picture's alt text glued before the name ("Sean Martin Sean Martin"): the name once.
  const ws = t.split(' ');
  const half = ws.length / 2;
  if (ws.length >= 4 && Number.isInteger(half) && ws.slice(0, half).join(' ') === ws.slice(half).join(' ')) t = ws.slice(0, half).join(' ');
  // A date or time before the prefix ("11/19/2019 by Jeanne Dupont", "Publié le 3 mars 2020 par …"): the names follow it.
  const prefixEnd = afterPrefix(t);
  if (prefixEnd > 0 && /\d/.test(t.slice(0, prefixEnd))) t = t.slice(prefixEnd);
  t = t.slice(0, endOfNames(t, declared));
  t = t.slice(afterPrefix(t));
  // Each part may open with its own prefix ("Jane Doe; Additional reporting by Omar Reyes").
  return t
    .split(lex.split)
    .map((p) => p.slice(afterPrefix(p)).trim())
    .filter(Boolean);
}

/** Where the names of a credit end: a date or "Publié le", a pipe or dash between fields, the first digit. */
function endOfNames(t: string, declared: boolean): number {
  let end = t.length;
  for (const re of authorLexicon().cut) {
    const m = re.exec(t);
    if (m && m.index < end) end = m.index;
  }
  // A full stop after a word (not an initial) ends the names too: "Jeanne Dupont. Gazette Internationale".
  // A text browser glues the next element to the name ("Meg JamesStaff Writer", "Michael HiltzikBusiness", "Chris Pokorny@handle", "Chris Pokorny @handle"):
  // a capital right after three small letters starts another field ("McKay", "MacDonald" stay whole).
  const sep = (declared ? DECLARED_FIELD_END : GLUED_FIELD_END).exec(t);
  if (sep && sep.index < end) end = sep.index;
  return end;
}

/** Field ends in any credit: a pipe or dash between fields, a digit, a full stop after a word, a handle. */
const FIELD_ENDS = String.raw`\s[|•·—–-]\s|\||\d|(?<=\p{Ll}\p{Ll})\.\s+(?=\p{Lu})|(?<=\p{L})\s?@`;
const DECLARED_FIELD_END = new RegExp(FIELD_ENDS, 'u');
// And in text a browser drew, a field glued to a name: its word is not the credit's first ("LinkNaija" alone is one name).
const GLUED_FIELD_END = new RegExp(String.raw`${FIELD_ENDS}|(?<=\S\s+[\p{L}'’-]*\p{Ll}{3})\p{Lu}`, 'u');

/**
 * The end of the first by-line prefix followed by a name ("Recueilli par Jeanne …"), or 0. In running text a name
 * opens with a capital; a credit that is only its prefix and one lower-case word names a user ("By admin").
 */
function afterPrefix(t: string): number {
  const re = authorLexicon().prefix;
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const end = m.index + m[0].length;
    if (/[\p{Lu}@]/u.test(t[end] ?? '') || (m.index === 0 && /^\p{Ll}[\p{Ll}\p{N}_.-]*\s*$/u.test(t.slice(end)))) return end;
    if (m[0].length === 0) re.lastIndex++;
  }
  return 0;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function agencyName(part: string): string | undefined {
  return authorLexicon().agencies.get(part.replace(/^(?:l['’]\s?)?agence\s+/iu, '').toLowerCase());
}

/** A person's name from one part of a credit, or undefined when the part names nobody. */
function personName(part: string, outletKeys: string[]): string | undefined {
  const lex = authorLexicon();
  if (lex.placeholders.has(part.toLowerCase().replace(/[.,;:]+$/, ''))) return undefined;
  let ws = words(part.replace(/^@/, ''));
  // A name written twice in a row (a photo's alt text beside the credit, as text browsers dump it): once.
  const half = ws.length / 2;
  if (ws.length >= 4 && Number.isInteger(half) && ws.slice(0, half).join(' ') === ws.slice(half).join(' ')) ws = ws.slice(0, half);
  // An article opens a description, not a name ("The regional ministries"); an initial "A." is no article.
  if (ws[0] && !ws[0].endsWith('.') && lex.notFirst.has(bare(ws[0]))) return undefined;
  const role = ws.findIndex((w) => lex.roles.has(bare(w)));
  if (role === 0) return undefined;
  // "AP Auto Writer": an agency's staff title, the writer is credited apart.
  if (role > 0 && lex.agencies.has(ws[0]!.toLowerCase())) return undefined;
  if (role > 0) ws = ws.slice(0, role);
  let name = ws.join(' ').replace(/[,;:]+$/, '');
  // A final full stop ends the credit unless it closes an initial ("Gutierrez C.").
  if (!/(?:^|\s)\p{Lu}\.$/u.test(name)) name = name.replace(/\.+$/, '');
  if (name.length < 2 || name.length > MAX_NAME || ws.length > MAX_WORDS) return undefined;
  if (/https?:|www\.|@|\d|\.\p{L}{2,}(?:\/|$)/u.test(name)) return undefined;
  if (isOutlet(name, outletKeys)) return undefined;
  return looksLikeName(ws) ? capitalised(name) : undefined;
}

/** Surnames in capitals ("Jeanne DUPONT", "BY SAM CARTER") are written as names: "Jeanne Dupont", "Sam Carter". */
function capitalised(name: string): string {
  return name.replace(/\p{Lu}{2,}(?:['’-]\p{Lu}+)*/gu, (w) =>
    w.toLowerCase().replace(/(^|['’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()),
  );
}

/** Most words of a name are capitalised ("Francesca de Villasmundo"); "afficher mon profil" is a label. */
function looksLikeName(ws: string[]): boolean {
  const caps = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps >= Math.ceil(ws.length / 2);
}

/** The outlet's name and its site's host name, squashed ("lemonde", "radiocanada"). */
function outletNames(ctx: AuthorContext): string[] {
  const keys: string[] = [];
  for (const o of ctx.outlets ?? []) if (o) keys.push(squash(o));
  const host = ctx.url ? /^[a-z]+:\/\/([^/:?#]+)/i.exec(ctx.url)?.[1] : undefined;
  if (host) {
    const labels = host.toLowerCase().split('.').slice(0, -1);
    for (const l of labels) if (l.length >= 4 && l !== 'www') keys.push(squash(l));
  }
  return keys.filter((k) => k.length >= 3);
}

/** The outlet's name, alone or with a placeholder or job word ("News Site Bureau", "L'Équipe Rédaction"). */
function isOutlet(name: string, outletKeys: string[]): boolean {
  const s = squash(name);
  const lex = authorLexicon();
  return outletKeys.some((k) => {
    if (s === k) return true;
    if (!s.startsWith(k) && !s.endsWith(k)) return false;
    const rest = s.startsWith(k) ? s.slice(k.length) : s.slice(0, s.length - k.length);
    return lex.roles.has(rest) || lex.placeholders.has(rest);
  });
}

/** The HTML by-line element: its credit replaces another source's when it names the same people and more. */
const BYLINE_ELEMENT = 'byline element';

/**
 * Authors from hints listed most reliable source first (JSON-LD, <meta>, the
 * by-line element, by-lines in the text): the first source whose credits
 * clean to a name wins, so an outlet or URL given as "author" falls through
 * to the next source. A by-line element naming those authors and more (a
 * co-author missing from JSON-LD) is preferred.
 */
export function pickAuthors(hints: MetaHint[], ctx: AuthorContext): { authors: string[]; from: MetaHint[] } {
  const rules = [...new Set(hints.map((h) => h.rule))];
  const fromRule = (rule: string) => {
    const from = hints.filter((h) => h.rule === rule);
    return {
      authors: cleanAuthors(
        from.map((h) => h.value),
        { ...ctx, declared: /^(?:json-ld|meta) /.test(rule) },
      ),
      from,
    };
  };
  for (const rule of rules) {
    const chosen = fromRule(rule);
    if (!chosen.authors.length) continue;
    if (rule !== BYLINE_ELEMENT && rules.includes(BYLINE_ELEMENT)) {
      const byline = fromRule(BYLINE_ELEMENT);
      const has = new Set(byline.authors.map((a) => a.toLowerCase()));
      if (byline.authors.length > chosen.authors.length && chosen.authors.every((a) => has.has(a.toLowerCase()))) return byline;
    }
    return chosen;
  }
  return { authors: [], from: [] };
}

/** Paragraphs at the top or bottom of a page's text that are by-lines ("Par …", "Propos recueillis par …"). */
export function textBylineHints(text: string): MetaHint[] {
  const paras = text.split(/\n\s*\n/);
  const ends = paras.length > 2 * EDGE_PARAGRAPHS ? [...paras.slice(0, EDGE_PARAGRAPHS), ...paras.slice(-EDGE_PARAGRAPHS)] : paras;
  return ends
    .map((p) => p.trim())
    .filter((p) => p.length < MAX_BYLINE_LINE && firstGroup(metaCues().byline, p))
    .map((p) => ({ field: 'author', value: p, rule: 'by-line in the text', text: p }));
}

const EDGE_PARAGRAPHS = 3;
const MAX_BYLINE_LINE = 120;
