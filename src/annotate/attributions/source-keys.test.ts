// Source keys: one actor, one key, however the article names it (invented sentences).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import { institutionOf } from './offices.js';
import { outletNamed, SourceKeyer } from './source-keys.js';

const keys = (text: string) => analyze(text, { raw: true }).attributions.map((a) => a.source?.key);

test('a named person: titles dropped, a later surname is the same actor', () => {
  assert.deepEqual(
    keys('Hamed al-Zameli, député de la province, a déclaré que le pont avait été détruit. « Nous avons vu les camions », a ajouté M. al-Zameli.'),
    ['per:hamed-al-zameli', 'per:hamed-al-zameli'],
  );
  // Alone in its article, the surname keeps its own key (the corpus unifies it, see src/corpus/source-keys.ts).
  assert.deepEqual(keys('« Le port restera fermé », a affirmé M. al-Zameli.'), ['per:al-zameli']);
});

test('case variants of a name are one actor; a country is its knowledge-base key', () => {
  assert.deepEqual(keys('Selon InfoWars, le barrage a cédé. Selon Infowars, la digue a cédé aussi.'), ['org:infowars', 'org:infowars']);
  const [a, b] = keys('La Russie a affirmé que le convoi était vide. Selon la Russie, le convoi transportait du blé.');
  assert.equal(a, b);
  assert.match(a!, /^iso3166:RU$/);
});

test('an unnamed office holder in a body is a role key, the same in every article', () => {
  const one = keys('Le porte-parole de la police a indiqué que trois suspects avaient été arrêtés.');
  const two = keys('Le porte-parole de la police a affirmé que le suspect avait été relâché.');
  assert.deepEqual(one, ['role:porte-parole@police']);
  assert.deepEqual(two, one);
});

test('anonymous sources are scoped to their document; a pronoun with no referent is no source', () => {
  const [a] = keys('« Nous partirons », a dit une source proche du dossier.');
  const [b] = keys('« Nous resterons », a dit une source proche du dossier.');
  assert.match(a!, /^anon:[0-9a-f]{12}:source@proche-dossier$/);
  assert.notEqual(a, b);
  assert.deepEqual(keys('Il affirme que la route est coupée.'), [null]);
  // The indefinite "on" with no medium is hearsay in the author's voice: no attribution at all.
  assert.deepEqual(keys('On affirme que la route est coupée.'), []);
});

const vias = (text: string) => analyze(text, { raw: true }).attributions.flatMap((a) => a.via.map((v) => v.key));

test('a platform is a channel, not an upstream: an intermediary on Twitter gets no key, a named outlet does', () => {
  assert.deepEqual(vias('« Aucun blessé grave », a indiqué la direction sur Twitter.'), [null]);
  const named = vias("« Le pont a été détruit », a déclaré le député à l'AFP.");
  assert.equal(named.length, 1);
  assert.ok(named[0] && !/twitter/.test(named[0]));
});

test('« le média » refers back to the last outlet the article names, not to an anonymous voice', () => {
  const text = 'Mediapart a publié une enquête sur les passeports. Selon le média, le passeport a servi au Tchad.';
  assert.deepEqual(keys(text).slice(-1), [keys('Selon Mediapart, le passeport a servi au Tchad.')[0]]);
  // With no outlet named before it, it stays an anonymous description of its own document.
  assert.match(keys('Selon le journal, le passeport a servi au Tchad.')[0]!, /^anon:[0-9a-f]{12}:journal$/);
  // A complement points elsewhere: « le site internet de la chaîne » is not the last outlet named.
  assert.doesNotMatch(String(keys('Mediapart a publié une enquête. Selon le site internet de la mairie, la route est coupée.').slice(-1)[0]), /mediapart/);
});

const coordinated = (text: string, language = 'fr') =>
  analyze({ text, known: { language } }, { raw: true }).attributions.map((a) => [
    a.source?.text,
    ...(a.coSources ?? []).map((c) => `${c.text}=${c.key}:${c.rule}`),
  ]);

test('coordinated named speakers: the first is the source, the others co-sources with their keys', () => {
  assert.deepEqual(coordinated('Selon Mediapart et Le Monde, le ministre aurait reçu une enveloppe.'), [['Mediapart', 'Le Monde=Q12461:coordination']]);
  assert.deepEqual(coordinated("D'après l'AFP et Reuters, douze personnes ont été tuées."), [["l'AFP", 'Reuters=Q130879:coordination']]);
  assert.deepEqual(coordinated("Emmanuel Macron et Angela Merkel ont affirmé que l'accord serait signé lundi."), [
    ['Emmanuel Macron', 'Angela Merkel=per:angela-merkel:coordination'],
  ]);
  assert.deepEqual(coordinated('According to Reuters and the Associated Press, twelve people were killed.', 'en'), [
    ['Reuters', 'the Associated Press=Q40469:coordination'],
  ]);
  // A name holding the coordinator, or a description, is one speaker.
  assert.deepEqual(coordinated("Selon le ministère de l'Europe et des Affaires étrangères, le ministre aurait reçu une enveloppe."), [
    ["le ministère de l'Europe et des Affaires étrangères"],
  ]);
});

test('an anonymous group opening a coordination of sources: the group is the source, the named actors co-sources', () => {
  assert.deepEqual(coordinated('Selon des riverains et la préfecture du Gard, le pont a cédé dans la nuit.'), [
    ['des riverains', 'la préfecture du Gard=role:préfecture@gard:coordination'],
  ]);
  assert.deepEqual(coordinated('According to Polish officials and the United Nations, the border crossing reopened.', 'en'), [
    ['Polish officials', 'the United Nations=Q1065:coordination'],
  ]);
  // An anonymous group alone stays one speaker.
  assert.deepEqual(coordinated('Selon des riverains, le pont a cédé dans la nuit.'), [['des riverains']]);
});

const withContent = (text: string, language = 'fr') =>
  analyze({ text, known: { language } }, { raw: true }).attributions.map((a) => [
    a.source?.text,
    ...(a.coSources ?? []).map((c) => c.text),
    text.slice(a.content.start, a.content.end),
  ]);

test('three or more coordinated sources after an according phrase: all are sources, the content follows the list', () => {
  assert.deepEqual(withContent("D'après l'AFP, Reuters et Associated Press, douze personnes ont été tuées."), [
    ["l'AFP", 'Reuters', 'Associated Press', 'douze personnes ont été tuées'],
  ]);
  assert.deepEqual(withContent('According to Reuters, Bloomberg and the Associated Press, twelve people were killed.', 'en'), [
    ['Reuters', 'Bloomberg', 'the Associated Press', 'twelve people were killed'],
  ]);
  // The words after the comma are the content's subject, not a list: a verb follows the names.
  assert.deepEqual(withContent('Selon Mediapart, Paul Dupont et Marie Martin ont reçu une enveloppe.'), [
    ['Mediapart', 'Paul Dupont et Marie Martin ont reçu une enveloppe'],
  ]);
});

test('coordinated subjects: names opening the clause are one subject, a verb before them makes them its object', () => {
  assert.deepEqual(coordinated('Barack Obama and Angela Merkel said the deal would be signed on Monday.', 'en'), [
    ['Barack Obama', 'Angela Merkel=per:angela-merkel:coordination'],
  ]);
  assert.deepEqual(
    coordinated('Yesterday, Barack Obama, Angela Merkel and Justin Trudeau said the deal would be signed.', 'en').map((a) => a.map((x) => x?.split('=')[0])),
    [['Barack Obama', 'Angela Merkel', 'Justin Trudeau']],
  );
  assert.deepEqual(
    coordinated('Paris, Lille, Nantes, Grenoble et Clermont-Ferrand ont annoncé que les écoles fermeraient.').map((a) => a.map((x) => x?.split('=')[0])),
    [['Paris', 'Lille', 'Nantes', 'Grenoble', 'Clermont-Ferrand']],
  );
  assert.deepEqual(coordinated("Le PSG a battu Lyon et Neymar a affirmé que l'équipe était prête."), [['Neymar']]);
});

test('a bare generic head noun is no organisation key: the full name is, and two bodies sharing a head noun stay apart', () => {
  const [uicn] = keys("Selon l'Union internationale pour la conservation de la nature, 30 % des espèces sont menacées.");
  const [uit] = keys("Selon l'Union internationale des télécommunications, la moitié du monde est connectée.");
  assert.equal(uicn, 'org:unioninternationalepourlaconservationdelanature');
  assert.notEqual(uicn, uit);
  // « L'Agence » alone names no body: a description scoped to its article, never `org:agence`.
  const [bare] = keys("« Le vaccin est sûr », a affirmé L'Agence.");
  assert.ok(bare === null || bare === undefined || (bare.startsWith('anon:') && bare.endsWith(':agence')), String(bare));
});

test('a source made only of function words gets no key (never an empty `org:`)', () => {
  assert.deepEqual(keys('La a affirmé que le vaccin est sûr.'), [null]);
});

test("a complement or someone's words is no source: no key, whatever the attribution layer took for the speaker", () => {
  const doc = analyze('Le vaccin est autorisé aux Etats-Unis et au Canada depuis lundi.', { raw: true });
  const keyer = new SourceKeyer(doc);
  const at = (text: string, resolved: string | null = null) => {
    const start = doc.text.indexOf(text);
    return keyer.key({ start, end: start + text.length, text, resolved, anonymous: false });
  };
  assert.equal(at('aux Etats-Unis et au Canada'), null);
  assert.equal(at('au Canada'), null);
  // A named body is still keyed; « des » opens a noun phrase, not a complement.
  assert.equal(at('Canada'), 'iso3166:CA');
  const words = analyze('Le maire a été menacé, selon ses propres dires. Selon des sources policières, il a porté plainte.', { raw: true });
  assert.deepEqual(
    words.attributions.map((a) => a.source?.key?.replace(/^anon:[0-9a-f]+:/, 'anon:') ?? null),
    [null, 'anon:sources@policieres'],
  );
});

test('a referent that names nobody is a description, not an organisation (« le groupe » → never org:groupe)', () => {
  const doc = analyze('Le groupe a annoncé que les ventes avaient doublé.', { raw: true });
  const keyer = new SourceKeyer(doc);
  const key = keyer.key({ start: 0, end: 9, text: 'Le groupe', resolved: 'le groupe', anonymous: false });
  assert.match(key!, /^anon:[0-9a-f]{12}:groupe$/);
});

test('an outlet named alone, after an outlet noun, or with its local edition is an outlet key, never a person', () => {
  assert.deepEqual(keys('Selon Sud Ouest, le maire a démissionné. Selon le quotidien La Voix du Nord, la digue a cédé.'), ['org:sudouest', 'org:voixdunord']);
  assert.equal(outletNamed('France Bleu Gard-Lozère', 'fr'), 'org:francebleugardlozere');
  // An office in an outlet is not the outlet.
  assert.equal(outletNamed('le directeur de Sud Ouest', 'fr'), null);
});

test('a body named in apposition is that body (« le constructeur Nissan » = « Nissan »); a person in apposition or a complement keeps the role', () => {
  const [described] = keys('Le constructeur automobile japonais Nissan a confirmé que son président avait été arrêté.');
  const [bare] = keys('Nissan a confirmé que son président avait été arrêté.');
  assert.equal(described, bare);
  assert.deepEqual(keys('Le groupe Renault a annoncé que les ventes avaient baissé.'), ['org:renault']);
  // The body that person leads, and a body of a named one: role keys, as before.
  assert.deepEqual(keys('Le gouvernement Philippe a annoncé que la taxe serait supprimée.'), ['role:gouvernement@philippe']);
  assert.match(keys('Le ministère irakien de la Défense a affirmé que le pont avait été détruit.')[0]!, /^role:ministère@/);
});

test("« l'État » alone is an unnamed body like « le gouvernement », never a place key that another article would share", () => {
  const [state] = keys("L'État a affirmé que la dette avait baissé.");
  assert.match(state!, /^anon:[0-9a-f]{12}:etat$/);
  // A name that holds the word stays a name.
  assert.deepEqual(keys("L'État islamique a affirmé que la ville était tombée."), ['Q2429253']);
});

test('figures without who released them (« selon le bilan », « selon un bilan établi ») are no source', () => {
  assert.deepEqual(keys('Dix personnes sont mortes, selon le bilan.'), [null]);
  // Released by someone: that someone is the source (the attribution layer's « publiés par X »).
  assert.notEqual(keys("Selon les chiffres publiés par l'Insee, le chômage a baissé.")[0], null);
});

test("the body of a role before a person's name is no part of the name, and a later mention resolved to that name is the same person", () => {
  const [a, b] = keys(
    "La ministre de la Justice Nicole Belloubet a affirmé mardi que la procédure était régulière. « Il n'y a eu aucune faute », a déclaré la garde des Sceaux.",
  );
  assert.equal(a, 'per:nicole-belloubet');
  assert.equal(b, a);
  // A gendered given name opening the name is the name's: « Jean Marc Ayrault » keeps « Jean ».
  assert.equal(keys('Le maire de Nantes Jean Marc Ayrault a affirmé que le pont serait rouvert.')[0], 'per:jean-marc-ayrault');
});

test('a named speaker keeps the office the text gives them, one office under all its names (lang/fr/offices.json)', () => {
  const sources = (text: string) => analyze(text, { raw: true }).attributions.map((a) => ({ key: a.source?.key, office: a.source?.office }));
  assert.deepEqual(sources("Le convoi a été détruit à l'aube, a déclaré samedi le ministre de la Défense, Karim Oubaid, à la radio."), [
    { key: 'per:karim-oubaid', office: 'role:ministre@defense' },
  ]);
  // « le garde des Sceaux » is the minister of Justice: the same office key whether named so or the other way.
  const [sceaux] = keys('Le garde des Sceaux a annoncé lundi la fermeture de la prison de Lunel.');
  const [justice] = keys('Le ministre de la Justice a annoncé lundi la fermeture de la prison de Lunel.');
  assert.equal(sceaux, 'role:ministre@justice');
  assert.equal(justice, sceaux);
  assert.deepEqual(sources('La garde des Sceaux, Sylvie Marchal, a annoncé une réforme des prisons.'), [
    { key: 'per:sylvie-marchal', office: 'role:ministre@justice' },
  ]);
  // A description that holds no office (a relation, a profession) gives none.
  assert.deepEqual(
    sources('La mère de Paul Marin, Jeanne Marin, a affirmé que le garçon était rentré.').map((s) => s.office),
    [undefined],
  );
});

test('a body named by its noun and a complement in lowercase is that body in every article, and meets its head (« la préfecture de police »)', () => {
  const [a] = keys('Selon la préfecture de police, deux personnes ont été interpellées.');
  const [b] = keys('Trois manifestants ont été blessés, a indiqué la préfecture de police.');
  assert.equal(a, 'role:préfecture@police');
  assert.equal(b, a);
  assert.equal(institutionOf(a, 'fr'), institutionOf(keys('Selon le préfet de police, le cortège a été dispersé.')[0], 'fr'));
  // Without a complement the noun says which body only in its article: scoped to it.
  assert.match(keys('Selon la préfecture, deux personnes ont été interpellées.')[0]!, /^anon:[0-9a-f]{12}:préfecture$/);
});

test('« le maire de la ville » is the mayor of the town the article names, never one office shared by every town', () => {
  const [marseille] = keys('Trois immeubles se sont effondrés lundi à Marseille. Le maire de la ville a déclaré que le quartier serait évacué.');
  assert.equal(marseille, keys('Le maire de Marseille a déclaré que le quartier serait évacué.')[0]);
  const [calais] = keys('Un camion a pris feu lundi à Calais. Le maire de la ville a déclaré que le port resterait ouvert.');
  assert.notEqual(calais, marseille);
  // No town named before: the office is scoped to its article.
  assert.match(keys('Le maire de la ville a déclaré que le port resterait ouvert.')[0]!, /^anon:[0-9a-f]{12}:maire@ville$/);
  // A named mayor keeps the office of that town.
  const named = analyze('Un camion a pris feu lundi à Calais. Le maire de la ville, Paul Marin, a déclaré que le port resterait ouvert.', { raw: true });
  assert.equal(named.attributions[0]?.source?.office, calais);
});

test('figures someone counted are relayed by them (« selon des éléments recensés par l’AFP »)', () => {
  assert.deepEqual(vias("Selon des éléments recensés par l'AFP, trois immeubles avaient des fragilités."), ['Q40464']);
});

test('places coordinated before a body noun are one body ("Devon and Cornwall Police"); a determiner or a person keeps two speakers', () => {
  const sources = (text: string) =>
    analyze({ text, known: { language: 'en' } }, { raw: true }).attributions.map((a) => [a.source?.text, a.source?.key, a.coSources?.map((c) => c.text) ?? []]);
  assert.deepEqual(sources('The A30 was closed near Bodmin after a crash, Devon and Cornwall Police said on Sunday.'), [
    ['Devon and Cornwall Police', 'org:devonandcornwallpolice', []],
  ]);
  // "the European Commission": a body with its determiner is a second speaker beside the country.
  assert.deepEqual(
    sources('The border was reopened on Monday, France and the European Commission said.').map((s) => s[2]),
    [['the European Commission']],
  );
});
