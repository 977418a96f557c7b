// Shared by the peers: walks a corpus folder like crosscheck does, times the
// extraction, and prints one JSON line of figures for bench/run.sh.
'use strict';
const fs = require('fs');
const path = require('path');

function listArticles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|text|html?)$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

// The claim kinds of crosscheck's default templates, as cue words: a sentence
// is a candidate for a kind when it has one of them, like the templates' literals.
const KINDS = {
  call_duration: /\b(call|calls|conversation|chat|phone|spoke|talked)\b/i,
  meeting_location: /\b(meet|meets|met|meeting|summit|host|travel)\b/i,
  invitation: /\b(invited|invitation|invites)\b/i,
  prisoner_release: /\b(release|released|freed|freeing|pardoned)\b/i,
};
const DURATION = /\b((?:about|approximately|nearly|almost|more than|over|less than|roughly|around|some)\s+)?((?:\d+|one|two|three|an|half an)(?:\s+and a half)?[- ](?:minutes?|hours?|minute|hour)(?:-long)?|an hour and a half)\b/i;

function run(name, extractDocument) {
  const corpus = process.argv[2];
  if (!corpus) {
    console.error(`usage: node ${name}.js CORPUS [MAX_BYTES]`);
    process.exit(2);
  }
  // A slow peer may read only the first MAX_BYTES of the corpus: its MB/s is what counts.
  const maxBytes = Number(process.argv[3] || Infinity);
  const files = [];
  let listed = 0;
  for (const f of listArticles(corpus)) {
    if (listed >= maxBytes) break;
    listed += fs.statSync(f).size;
    files.push(f);
  }
  const started = process.hrtime.bigint();
  let bytes = 0;
  let claims = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    claims += extractDocument(text).length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ peer: name, documents: files.length, bytes, claims, seconds,
    mb_per_s: bytes / 1e6 / seconds, docs_per_s: files.length / seconds, peak_rss_mib: rss }));
}

module.exports = { run, KINDS, DURATION };
