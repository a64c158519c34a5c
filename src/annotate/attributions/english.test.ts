import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';

const attributions = (text: string) =>
  analyze({ text, known: { language: 'en' } }, { raw: true }).attributions.map((a) => ({
    cue: a.cue?.text ?? null,
    source: a.source?.resolved ?? a.source?.text ?? null,
    content: a.content.text,
    kind: a.kind,
    via: a.via.map((v) => v.text),
    hedged: a.hedged,
  }));

/** The speakers (resolved when they can be) and contents found in `text`, in order. */
const speakersAndContents = (text: string, expected: [string | null, string][]) =>
  assert.deepEqual(
    attributions(text).map((a) => [a.source, a.content]),
    expected,
  );

test('English: that-clauses with or without "that", inversions and subject-first incises', () => {
  const got = attributions(
    'The minister said on Monday that the plan would fail. "We will not accept it," he added. "The talks are over," said John Smith. Smith said the government had paid the group.',
  );
  assert.deepEqual(
    got.map((a) => [a.cue, a.source, a.content, a.kind]),
    [
      ['said', 'The minister', 'the plan would fail', 'indirect'],
      ['added', 'The minister', '"We will not accept it,"', 'direct'],
      ['said', 'John Smith', '"The talks are over,"', 'direct'],
      ['said', 'John Smith', 'the government had paid the group', 'indirect'],
    ],
  );
});

test('English: a quotation before a subject with a bare title or a prepositional phrase', () => {
  speakersAndContents('"We have no evidence," spokesman Tom Baker told Reuters. "No comment," the spokeswoman for the company said.', [
    ['Tom Baker', '"We have no evidence,"'],
    ['the spokeswoman for the company', '"No comment,"'],
  ]);
  // A verb between the quotation and the subject: the quotation is not this incise's.
  speakersAndContents('"We have no evidence," he said, and the mayor agreed.', [['he', '"We have no evidence,"']]);
});

test('English: more reporting verbs (a particle, British spelling), and their other senses without "that"', () => {
  speakersAndContents('The mayor pointed out that the city had no money. The central bank signalled that rates would stay low.', [
    ['The mayor', 'the city had no money'],
    ['The central bank', 'rates would stay low'],
  ]);
  // A bare title before the name of a subject-first incise after a comma.
  speakersAndContents('The talks have been postponed, Foreign Ministry spokesman Martin Erdmann said.', [
    ['Foreign Ministry spokesman Martin Erdmann', 'The talks have been postponed'],
  ]);
  speakersAndContents('The plan failed, but analysts said.', []);
  speakersAndContents('The ministry said 12 people had died. The president said in an interview with CNN that he would not run again.', [
    ['The ministry', '12 people had died'],
    ['The president', 'he would not run again'],
  ]);
  speakersAndContents('"It is a disaster," said one trader.', [['one trader', '"It is a disaster,"']]);
  // After "to", "say" is the infinitive: the subject of the verb it depends on speaks.
  speakersAndContents('He went on to say that the economy would recover.', [['He', 'the economy would recover']]);
  // Wire formulas between the cue and the end of its clause or its complement.
  speakersAndContents(
    'The talks had failed, the official said on condition of anonymity. Smith said in a telephone interview from London that the vote was rigged.',
    [
      ['the official', 'The talks had failed'],
      ['Smith', 'the vote was rigged'],
    ],
  );
  speakersAndContents('More than 5,000 people have fled, according to figures released by the United Nations.', [
    ['the United Nations', 'More than 5,000 people have fled'],
  ]);
  speakersAndContents('A diplomat who attended the meeting said the talks had failed.', [['A diplomat', 'the talks had failed']]);
  speakersAndContents('Both armies will observe the ceasefire agreed on Monday, the ministry said.', [
    ['the ministry', 'Both armies will observe the ceasefire agreed on Monday'],
  ]);
});

test('English: told Reuters, according to, anonymous sources and hedges', () => {
  const got = attributions(
    'Police arrested three suspects, a spokesman told Reuters. According to officials, twelve people were injured. The rebels claimed without evidence that the army had used chemical weapons.',
  );
  assert.deepEqual(got[0]!.via, ['Reuters']);
  assert.equal(got[0]!.content, 'Police arrested three suspects');
  assert.deepEqual([got[1]!.cue, got[1]!.source, got[1]!.kind], ['According to', 'officials', 'according']);
  assert.deepEqual([got[2]!.cue, got[2]!.hedged], ['claimed', true]);
});

test('English: days are no speakers, "reports of" is a noun', () => {
  const got = attributions('China on Thursday accused Taipei of spoiling the talks. He had read reports of the comments.');
  assert.deepEqual(
    got.map((a) => [a.cue, a.source]),
    [['accused', 'China']],
  );
});

test('English: "X quoted Y as saying": Y speaks, X carries it (active, passive and after a quotation)', () => {
  const got = attributions(
    'Interfax quoted a source in the army as saying that the troops were outnumbered. State media quoted the chief negotiator, Tang Shubei, as saying it was time for talks. "Now is the time," the People\'s Daily quoted Tang as saying. Tang was quoted by the People\'s Daily as saying the talks would resume.',
  );
  assert.deepEqual(
    got.map((a) => [a.cue, a.source, a.content, a.via]),
    [
      ['saying', 'a source in the army', 'the troops were outnumbered', ['Interfax']],
      ['saying', 'Tang Shubei', 'it was time for talks', ['State media']],
      ['saying', 'Tang', '"Now is the time,"', ["the People's Daily"]],
      ['saying', 'Tang', 'the talks would resume', ["the People's Daily"]],
    ],
  );
});

test('English: a cue after a possessive is a noun; a bare apposition after a name', () => {
  const got = attributions(
    "The envoy confirmed Primakov's pledge that Moscow would seek a solution. Daoud Makkawi, owner of the Nablus bookshop, told Reuters the ministry had forced him to sign.",
  );
  assert.deepEqual(
    got.map((a) => [a.cue, a.source, a.content]),
    [
      ['confirmed', 'The envoy', "Primakov's pledge that Moscow would seek a solution"],
      ['told', 'Daoud Makkawi', 'the ministry had forced him to sign'],
    ],
  );
});

test('English: bare titles, "It said" for a body, a quoted fragment inside its clause, a name before the verb', () => {
  speakersAndContents(
    '"There has been some shooting," said fighter John Baker, a bearded man. The Bank of England raised its rates on Monday. It said inflation was too high. The leaders agreed to meet in September "to solidify the cease-fire", Davies said. Smith said the United States wanted peace.',
    [
      ['John Baker', '"There has been some shooting,"'],
      ['Bank of England', 'inflation was too high'],
      ['Davies', 'The leaders agreed to meet in September "to solidify the cease-fire"'],
      ['Smith', 'the United States wanted peace'],
    ],
  );
});

test('English: a wire dateline is neither content nor speaker', () => {
  speakersAndContents(
    'WASHINGTON (Reuters) - Kurdish leaders agreed to end the fighting, the State Department said.\n\nLONDON, March 3 (Reuters) - Britain said on Monday it would send troops.',
    [
      ['the State Department', 'Kurdish leaders agreed to end the fighting'],
      ['Britain', 'it would send troops'],
    ],
  );
});

test('English: an office with its complement is no person ("Secretary of State Warren Christopher … he said")', () => {
  speakersAndContents('Secretary of State Warren Christopher met the envoy in Washington. The United States is ready to help, he said.', [
    ['Warren Christopher', 'The United States is ready to help'],
  ]);
});

test('English: an incise ends at a comma before a word opening another clause ("…, two diplomats said, after …")', () => {
  speakersAndContents('Talks on a ceasefire stalled on Friday, two diplomats said, after the government refused to withdraw its troops.', [
    ['two diplomats', 'Talks on a ceasefire stalled on Friday'],
  ]);
});

test('English: "he" after a bare surname is the person named in full before, not the group speaking before', () => {
  speakersAndContents(
    'A campaign group alleged on Monday that Gordon Reeve had used council cars. Reeve rejected the accusation. "Every journey was for council business," he wrote on X.',
    [
      ['A campaign group', 'Gordon Reeve had used council cars'],
      ['Gordon Reeve', '"Every journey was for council business,"'],
    ],
  );
});

test('English: a police rank before a name is the role "the detective" points back to', () => {
  const got = attributions(
    'Detective Richard Black said a neighbour was arrested. Police said the girls were asleep. The detective said details were sketchy.',
  );
  assert.deepEqual(
    got.map((a) => a.source),
    ['Richard Black', 'Police', 'Richard Black'],
  );
});

test('English: a zero-that clause with a plural subject and a present verb, after a time adverbial, or found by a study', () => {
  speakersAndContents(
    'The company said its vessels "fully comply with the law". The utility has said for months that it needs more revenue. The study found that tolls would cover half of the cost. Police found the body on Monday.',
    [
      ['The company', 'its vessels "fully comply with the law"'],
      ['The utility', 'it needs more revenue'],
      ['The study', 'tolls would cover half of the cost'],
    ],
  );
});

test('English: a comment clause with its subject first ("As X has pointed out, …", "…, as Smith noted.")', () => {
  speakersAndContents(
    'But as the economist Leila Haddad has pointed out, businesses follow customers. The plan would fail, as Smith noted. The plan failed, as expected.',
    [
      ['Leila Haddad', 'businesses follow customers'],
      ['Smith', 'The plan would fail'],
    ],
  );
});

test('English: "X reported, citing Y": Y speaks, X relays it', () => {
  const [a] = attributions('The bridge was closed overnight, the Guardian reported, citing local police.');
  assert.equal(a?.source, 'local police');
  assert.deepEqual(a?.via, ['the Guardian']);
  assert.equal(a?.content, 'The bridge was closed overnight');
});

test('English: a name premodifying a noun stays in the speaker phrase ("According to Polish officials")', () => {
  speakersAndContents('According to Polish officials, the border crossing reopened on Tuesday.', [
    ['Polish officials', 'the border crossing reopened on Tuesday'],
  ]);
  // The name only qualifies the group: an anonymous speaker, not the country.
  const [g] = analyze({ text: 'According to Kremlin sources, the talks failed.', known: { language: 'en' } }, { raw: true }).attributions;
  assert.equal(g?.source?.anonymous, true);
  assert.equal(g?.source?.resolved, null);
  const [a] = attributions('Two villages were flooded, AP reported, citing Romanian rescuers.');
  assert.equal(a?.source, 'Romanian rescuers');
  assert.deepEqual(a?.via, ['AP']);
});

test('English: "according to X, citing Y": Y speaks, X relays it', () => {
  const [a] = attributions('The factory will close in June, according to Bloomberg, citing two unnamed executives.');
  assert.equal(a?.source, 'two unnamed executives');
  assert.deepEqual(a?.via, ['Bloomberg']);
  assert.equal(a?.content, 'The factory will close in June');
});

test('English: "he" never stands for a company, even one described in the sentence before', () => {
  // "Inc": the company must be one for the tagger ("Harlow Steel" alone reads as two surnames to the issue 15 session 14 model).
  const got = attributions(
    'Harlow Steel Inc said on Tuesday it would cut 200 jobs at its Ohio plant. The company has struggled since the merger. He added that the plant would close in June.',
  );
  assert.deepEqual(
    got.map((a) => [a.source, a.content]),
    [
      ['Harlow Steel Inc', 'it would cut 200 jobs at its Ohio plant'],
      ['He', 'the plant would close in June'],
    ],
  );
  // A person's role noun in the phrase keeps it a person: "a police spokesman … He said".
  speakersAndContents('Police said on Thursday the road was closed. "Nobody was hurt," a police spokesman said. He said the driver had fled.', [
    ['Police', 'the road was closed'],
    ['a police spokesman', '"Nobody was hurt,"'],
    ['a police spokesman', 'the driver had fled'],
  ]);
});

test('English: anonymous sources with a postmodifier ("familiar with", "with knowledge of") are whole, after any cue', () => {
  speakersAndContents('The deal could be announced next week, according to two people familiar with the matter.', [
    ['two people familiar with the matter', 'The deal could be announced next week'],
  ]);
  speakersAndContents('The talks have stalled, said three officials with knowledge of the negotiations.', [
    ['three officials with knowledge of the negotiations', 'The talks have stalled'],
  ]);
  speakersAndContents('A source close to the investigation said the suspect had fled.', [['A source close to the investigation', 'the suspect had fled']]);
  // A preposition that opens no postmodifier still ends the phrase ("according to the police in Leeds" is the police).
  speakersAndContents('The road was closed, according to officials in Leeds.', [['officials', 'The road was closed']]);
});

test('English: an inverted speaker followed by a description with a complement ("said X, a spokesman for Y.")', () => {
  speakersAndContents('The talks have stalled, said John Smith, a spokesman for the company.', [['John Smith', 'The talks have stalled']]);
  speakersAndContents('Prices will rise, said Mary Jones, a professor of economics at Harvard University.', [['Mary Jones', 'Prices will rise']]);
});

test('English: "I" and "you" inside a framed quotation tell the quoted speaker\'s words, they are no speaker of their own', () => {
  // Written for this test.
  speakersAndContents('"I told the players they were lazy," Walsh said. "You promised us a title," said Dave Hill.', [
    ['Walsh', '"I told the players they were lazy,"'],
    ['Dave Hill', '"You promised us a title,"'],
  ]);
  speakersAndContents('A spokesman said on Tuesday: "We can confirm that the plant will close."', [
    ['A spokesman', '"We can confirm that the plant will close."'],
  ]);
  // Outside a quotation another attribution frames, the first person still speaks.
  assert.deepEqual(
    attributions('The coach was blunt. "I told the players they were lazy."').map((a) => [a.cue, a.source]),
    [['told', 'I']],
  );
});
