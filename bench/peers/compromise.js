// crosscheck's default extraction written with compromise: sentences, people
// and places from compromise's tagger, values from its match syntax, for the
// same four claim kinds.
'use strict';
const nlp = require('compromise');
const { run, KINDS, DURATION } = require('./corpus');

function extractDocument(text) {
  const claims = [];
  nlp(text).sentences().forEach((s) => {
    const sentence = s.text();
    const people = s.people().out('array');
    for (const [kind, cue] of Object.entries(KINDS)) {
      if (!cue.test(sentence)) continue;
      let value = null;
      if (kind === 'call_duration') {
        value = s.match('#Value+ (minute|minutes|hour|hours)').text() || (sentence.match(DURATION) || [])[0];
      } else if (kind === 'meeting_location' || kind === 'invitation') {
        value = s.places().out('array').pop() || s.match('(in|to) [#ProperNoun+]', 0).text();
      } else {
        value = 'happened';
      }
      if (value && people.length > 0) claims.push({ kind, value, people, sentence });
    }
  });
  return claims;
}

run('compromise', extractDocument);
