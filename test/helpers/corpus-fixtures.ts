// Synthetic articles for corpus tests, written for the purpose (no real text):
// each is distinct (a serial word "dossierNNN"), with names, numbers and a
// reported statement, so every corpus layer has something to hold.
const TOWNS = ['Lyon', 'Rennes', 'Nantes', 'Lille', 'Dijon', 'Nancy', 'Tours', 'Brest'];
const PEOPLE = ['Claire Martin', 'Paul Bernard', 'Anne Petit', 'Louis Moreau', 'Jeanne Roux'];

export function syntheticArticle(i: number): { text: string; title: string; published: string; outlet: string } {
  const town = TOWNS[i % TOWNS.length]!;
  const who = PEOPLE[i % PEOPLE.length]!;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    title: `Budget de ${town} : dossier${i}`,
    published: `2021-03-${day}`,
    outlet: i % 2 ? 'Le Courrier du Test' : 'La Gazette Fictive',
    text:
      `Le conseil municipal de ${town} a voté ${100 + i} mesures pour le dossier${i}. ` +
      `Selon ${who}, adjointe aux finances, « le budget augmentera de ${i % 9} % en ${2020 + (i % 4)} ». ` +
      `Les élus de l'opposition ont dénoncé un vote précipité et demandent un audit indépendant.`,
  };
}

export function syntheticJsonl(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += JSON.stringify(syntheticArticle(i)) + '\n';
  return out;
}
