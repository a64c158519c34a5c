// The recoupe web app: hash routes, a navigation bar and the language toggle.
// Served by `recoupe serve` under a strict CSP (this file is the only script).
import { h, clear } from './dom.js';
import { t, currentLang, setLang } from './i18n.js';
import { analyzePage } from './pages/analyze.js';
import { searchPage } from './pages/search.js';
import { groupsPage, groupPage } from './pages/groups.js';
import { documentPage } from './pages/document.js';
import { graphPage } from './pages/graph.js';
import { narrativesPage } from './pages/narratives.js';
import { sourcesPage } from './pages/sources.js';

type Page = (root: HTMLElement, arg: string, params: URLSearchParams) => void | Promise<void>;

const ROUTES: Record<string, Page> = {
  analyze: (root) => analyzePage(root),
  search: (root, _a, params) => searchPage(root, params),
  groups: (root, _a, params) => groupsPage(root, params),
  group: (root, id) => groupPage(root, id),
  doc: (root, id) => documentPage(root, id),
  sources: (root, _a, params) => sourcesPage(root, params),
  graph: (root, _a, params) => graphPage(root, params),
  narratives: (root) => narrativesPage(root),
};

/** The page's h1 for each route. */
const TITLES: Record<string, Parameters<typeof t>[0]> = {
  analyze: 'analyzeTitle',
  search: 'navSearch',
  groups: 'claimGroups',
  group: 'navGroup',
  doc: 'navDocument',
  sources: 'navSources',
  graph: 'navGraph',
  narratives: 'timeline',
};

const NAV: [string, Parameters<typeof t>[0]][] = [
  ['analyze', 'navAnalyze'],
  ['search', 'navSearch'],
  ['groups', 'navGroups'],
  ['sources', 'navSources'],
  ['graph', 'navGraph'],
  ['narratives', 'navNarratives'],
];

function parseHash(): { name: string; arg: string; params: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const [name = '', ...rest] = path.split('/');
  let arg = '';
  try {
    arg = decodeURIComponent(rest.join('/'));
  } catch {
    arg = '';
  }
  return { name: ROUTES[name] ? name : 'analyze', arg, params: new URLSearchParams(query) };
}

async function render(): Promise<void> {
  const app = document.getElementById('app')!;
  const { name, arg, params } = parseHash();
  document.title = `${t(TITLES[name]!)} · ${t('appTitle')}`;
  const toggle = h('button', { type: 'button', id: 'lang-toggle', class: 'lang' }, t('switchLang'));
  toggle.addEventListener('click', () => {
    setLang(currentLang() === 'fr' ? 'en' : 'fr');
    void render();
  });
  const nav = h(
    'nav',
    { 'aria-label': t('navMain') },
    h('a', { href: '#/analyze', class: 'brand' }, 'recoupe'),
    ...NAV.map(([route, key]) => {
      const active = route === name || (route === 'groups' && name === 'group');
      return h('a', { href: `#/${route}`, class: active ? 'active' : '', 'aria-current': active ? 'page' : null }, t(key));
    }),
    toggle,
  );
  const main = h('main', { id: 'page', 'data-page': name, tabindex: -1 }, h('h1', {}, t(TITLES[name]!)));
  // Past the navigation to the page (a route-shaped href: "#page" would change the route).
  const skip = h('a', { href: `#/${name}`, class: 'skip-link' }, t('skipToContent'));
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  clear(app);
  app.append(skip, h('header', {}, nav), main);
  await ROUTES[name]!(main, arg, params);
  main.dataset.ready = 'true';
}

setLang(currentLang());
window.addEventListener('hashchange', () => void render());
void render();
