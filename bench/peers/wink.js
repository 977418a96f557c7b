// crosscheck's default extraction written with wink-nlp: sentences, named
// entities and custom entities from wink, then the same four claim kinds:
// for each sentence with a kind's cue, the people it names and the value
// (a duration, a place, or the event itself).
'use strict';
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const { run, KINDS, DURATION } = require('./corpus');

const nlp = winkNLP(model);
const its = nlp.its;
nlp.learnCustomEntities([
  { name: 'PLACE', patterns: ['[in|to|visit] [PROPN]', '[in|to|visit] [PROPN] [PROPN]'] },
  { name: 'PERSON', patterns: ['[PROPN]', '[PROPN] [PROPN]', '[PROPN] [PROPN] [PROPN]'] },
]);

function extractDocument(text) {
  const doc = nlp.readDoc(text);
  const claims = [];
  doc.sentences().each((s) => {
    const sentence = s.out();
    const people = s.customEntities().filter((e) => e.out(its.type) === 'PERSON').out();
    const places = s.customEntities().filter((e) => e.out(its.type) === 'PLACE').out();
    const durations = s.entities().filter((e) => e.out(its.type) === 'DURATION').out();
    for (const [kind, cue] of Object.entries(KINDS)) {
      if (!cue.test(sentence)) continue;
      let value = null;
      if (kind === 'call_duration') value = durations[0] || (sentence.match(DURATION) || [])[0];
      else if (kind === 'meeting_location' || kind === 'invitation') value = places.length ? places[places.length - 1].replace(/^(in|to|visit) /, '') : null;
      else value = 'happened';
      if (value && people.length > 0) claims.push({ kind, value, people, sentence });
    }
  });
  return claims;
}

run('wink', extractDocument);
