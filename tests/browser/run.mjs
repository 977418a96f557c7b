// Browser tests for report.html: builds a report with the crosscheck binary,
// opens it from disk in Debian's headless Chromium (driven by playwright-core,
// which never downloads a browser here) with every network request aborted, and
// checks what a reader sees: conflicts, filters, highlights, screenshots at
// desktop and phone width, keyboard navigation, contrast, an axe-core
// accessibility audit, and that hostile article text stays text.
//
// Usage: node run.mjs SUITE
//   SUITE   sample   corpus/sample
//           seeds    ../shared/seeds (exit 77, "skipped", when absent)
//           hostile  a corpus generated here, full of markup and script
//           FOLDER   any other corpus (not registered with CTest; for a manual look)
// Environment: CROSSCHECK_BINARY, CROSSCHECK_SOURCE_DIR, CROSSCHECK_SHARED_DIR,
//   CROSSCHECK_BROWSER_OUT (screenshots and reports go below it),
//   CHROMIUM (default /usr/bin/chromium), CROSSCHECK_BROWSER_FULL_PAGE=1 to save
//   whole-page screenshots too.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const SKIP = 77;
const suite = process.argv[2];
const binary = process.env.CROSSCHECK_BINARY;
const sourceDir = process.env.CROSSCHECK_SOURCE_DIR;
const sharedDir = process.env.CROSSCHECK_SHARED_DIR || "";
const outRoot = process.env.CROSSCHECK_BROWSER_OUT || path.join(os.tmpdir(), "crosscheck-browser");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

if (!binary || !sourceDir || !suite) {
  console.error("usage: CROSSCHECK_BINARY=... CROSSCHECK_SOURCE_DIR=... node run.mjs sample|seeds|hostile|CORPUS-FOLDER");
  process.exit(2);
}

// ---------------------------------------------------------------------------
// A small test runner: every check runs, failures are listed, exit 1 if any.

const failures = [];
let checks = 0;
function check(condition, message) {
  checks += 1;
  if (!condition) {
    failures.push(message);
    console.error("FAIL: " + message);
  }
}
function checkEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${message}: expected ${e}, got ${a}`);
}

// ---------------------------------------------------------------------------
// The corpus and the report.

function corpusFor(name) {
  if (name === "sample") return path.join(sourceDir, "corpus", "sample");
  if (name === "seeds") {
    const seeds = sharedDir ? path.join(sharedDir, "seeds") : "";
    if (!seeds || !fs.existsSync(seeds)) {
      console.log(`SKIP: the seeds are not at '${seeds || "(CROSSCHECK_SHARED_DIR unset)"}'; browser tests on them skipped`);
      process.exit(SKIP);
    }
    return seeds;
  }
  if (name === "hostile") return writeHostileCorpus(path.join(outRoot, "hostile-corpus"));
  return path.resolve(name);  // any corpus folder, for a manual run
}

// What the hostile corpus's payloads would do if they ever ran.
const PWNED_TITLE = "pwned";
const HOSTILE_OUTLET_1 = `Evil "Outlet" <script>window.__pwned='outlet'</script>`;
const HOSTILE_OUTLET_2 = `O'Brien </textarea><img src=x onerror="window.__pwned='outlet-img'">`;

// Documents full of markup that still yield claims: the markup sits in the
// evidence sentences next to the values, in outlet names and URLs from the
// manifest, in a file name and in the corpus folder's name.
function writeHostileCorpus(parent) {
  fs.rmSync(parent, { recursive: true, force: true });
  const dir = path.join(parent, `"><img src=x onerror=window.__pwned='corpus'>`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "plain.txt"),
    `Lindqvist and Koval <script>window.__pwned="script"</script> agree "to" talks </textarea> on shipping

Swedish Prime Minister Anna Lindqvist and Slovak President Tomas Koval spoke by phone on Tuesday <img src=x onerror="window.__pwned='img'"> about it.

The call lasted about 90 minutes <script>document.title="${PWNED_TITLE}"</script>, according to the "Swedish" government's </textarea><b onmouseover="window.__pwned='hover'">office</b>.

The two leaders will meet in Vienna <img src=x onerror=alert(1)> next month, officials said.
`);
  fs.writeFileSync(
    path.join(dir, "<img src=x onerror=alert(1)>.html"),
    `<html><body><article>
<p>Slovak President Tomas Koval said on Tuesday that the call with Swedish Prime Minister Anna Lindqvist lasted 45 minutes &lt;script&gt;window.__pwned=&quot;entity&quot;&lt;/script&gt; &lt;img src=x onerror=&#39;window.__pwned=1&#39;&gt;.</p>
<p>Lindqvist and Koval will meet in Geneva &lt;/textarea&gt;&lt;svg onload=alert(1)&gt; in April, diplomats said &quot;javascript:alert(1)&quot;.</p>
<p><a href="javascript:window.__pwned='link'">Lindqvist and Koval will meet in Geneva</a>, officials said.</p>
</article></body></html>
`);
  const toml = (s) => JSON.stringify(s);  // a TOML basic string is a JSON string for this text
  fs.writeFileSync(
    path.join(dir, "outlets.toml"),
    `[[document]]
path = "plain.txt"
outlet = ${toml(HOSTILE_OUTLET_1)}
url = "javascript:window.__pwned='url'"

[[document]]
path = "<img src=x onerror=alert(1)>.html"
outlet = ${toml(HOSTILE_OUTLET_2)}
url = ${toml(`https://x.example/"><script>window.__pwned='href'</script>`)}
`);
  return dir;
}

function buildReport(corpus, out) {
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(binary, ["report", corpus, "--out", out, "-q"], { cwd: sourceDir, stdio: ["ignore", "inherit", "inherit"] });
  return {
    html: path.join(out, "report.html"),
    json: JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")),
  };
}

// The value span of a claim: report.json's evidence_value are UTF-8 byte offsets.
function valueText(claim) {
  if (!claim.evidence_value) return null;
  const [begin, end] = claim.evidence_value;
  return Buffer.from(claim.evidence, "utf8").subarray(begin, end).toString("utf8");
}

// ---------------------------------------------------------------------------
// Page helpers.

async function openReport(browser, file, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, javaScriptEnabled: true });
  const requests = [];
  // Self-containment: everything but the report file itself is aborted and recorded.
  const reportUrl = pathToFileURL(file).href;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === reportUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("request", (r) => {
    const url = r.url();
    if (url !== reportUrl && !url.startsWith("data:")) requests.push(url);
  });
  await page.goto(reportUrl, { waitUntil: "load" });
  await page.waitForSelector("body[data-filters=ready]", { timeout: 5000 });
  return { context, page, requests, problems, dialogs };
}

// Ids (data-finding-id) of the findings and matrix rows a reader can see.
async function visibleFindings(page) {
  return page.evaluate(() => {
    const seen = (el) => el.getClientRects().length > 0;
    return {
      findings: [...document.querySelectorAll("article.finding")].filter(seen).map((e) => e.dataset.findingId).sort(),
      rows: [...document.querySelectorAll("table.matrix tbody tr[data-finding-id]")].filter(seen).map((e) => e.dataset.findingId).sort(),
      // Documents without claims sit in a closed <details>: shown there means not hidden by the filter.
      documents: [...document.querySelectorAll("#documents [data-path]")].filter((e) => e.closest("[hidden]") === null).map((e) => e.dataset.path).sort(),
    };
  });
}

// Non-background pixels of a PNG, counted in a blank page's canvas.
async function inkPixels(browser, png) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent("<canvas></canvas>");
  const result = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const canvas = document.querySelector("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, img.width, img.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 48) ink += 1;
    }
    return { ink, total: img.width * img.height, width: img.width, height: img.height };
  }, png.toString("base64"));
  await context.close();
  return result;
}

// ---------------------------------------------------------------------------
// Checks on one report.

async function checkReport(browser, name, report) {
  const { json } = report;
  const findings = json.findings;
  const byVerdict = (v) => findings.filter((f) => f.verdict === v).map((f) => f.id).sort();
  const all = findings.map((f) => f.id).sort();
  const { context, page, requests, problems, dialogs } = await openReport(browser, report.html, { width: 1280, height: 800 });

  // Summary counts and the conflicts.
  const counts = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("#summary .count")].map((e) => [e.dataset.verdict, Number(e.querySelector(".count-n").textContent)])));
  for (const v of ["conflict", "compatible", "agree", "single_source"]) {
    checkEqual(counts[v], byVerdict(v).length, `${name}: summary count of ${v}`);
  }
  let visible = await visibleFindings(page);
  checkEqual(visible.findings, all, `${name}: every finding is shown before filtering`);
  checkEqual(visible.rows, all, `${name}: every finding has a matrix row`);
  for (const id of byVerdict("conflict")) {
    const text = await page.locator(`article.finding[data-finding-id="${CSS_escape(id)}"]`).innerText();
    check(/Conflict/.test(text), `${name}: conflict ${id} is labelled "Conflict" in words, not by colour alone`);
    const f = findings.find((x) => x.id === id);
    check(text.includes(f.reason), `${name}: conflict ${id} shows its reason`);
    const outlets = new Set(f.claims.map((c) => c.outlet));
    const shownOutlets = await page.locator(`article.finding[data-finding-id="${CSS_escape(id)}"] .claim-outlet`).allInnerTexts();
    for (const o of outlets) check(shownOutlets.some((s) => s.startsWith(o)), `${name}: conflict ${id} shows outlet ${o} side by side`);
  }
  check(requests.length === 0, `${name}: the page made no network requests (made ${JSON.stringify(requests)})`);
  check(problems.length === 0, `${name}: no console errors, CSP violations or page errors (${JSON.stringify(problems)})`);
  check(dialogs.length === 0, `${name}: no dialogs`);

  // Verdict filters: turning each one off hides exactly its findings.
  for (const v of ["conflict", "compatible", "agree", "single_source"]) {
    const toggle = page.locator(`#filters button[data-verdict="${v}"]`);
    await toggle.click();
    checkEqual(await toggle.getAttribute("aria-pressed"), "false", `${name}: verdict toggle ${v} says it is off`);
    visible = await visibleFindings(page);
    const expected = findings.filter((f) => f.verdict !== v).map((f) => f.id).sort();
    checkEqual(visible.findings, expected, `${name}: hiding ${v} hides exactly those findings`);
    checkEqual(visible.rows, expected, `${name}: hiding ${v} hides exactly those matrix rows`);
    if (expected.length === 0) check(await page.locator("#findings-none").isVisible(), `${name}: says no finding matches`);
    await toggle.click();
  }
  visible = await visibleFindings(page);
  checkEqual(visible.findings, all, `${name}: turning the verdicts back on shows everything`);

  // Kind filter.
  const kinds = [...new Set(findings.map((f) => f.kind))].sort();
  for (const kind of kinds) {
    await page.selectOption("#filter-kind", kind);
    visible = await visibleFindings(page);
    checkEqual(visible.findings, findings.filter((f) => f.kind === kind).map((f) => f.id).sort(), `${name}: kind filter ${kind}`);
  }
  await page.selectOption("#filter-kind", "");

  // Outlet filter: findings with a claim from the outlet, and its documents.
  const outlets = [...new Set(json.documents.map((d) => d.outlet).concat(findings.flatMap((f) => f.claims.map((c) => c.outlet))))].sort();
  const optionValues = await page.locator("#filter-outlet option").evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== ""));
  checkEqual(optionValues.slice().sort(), outlets, `${name}: the outlet filter offers every outlet`);
  // Every outlet that makes a claim, and a few that do not (a large corpus has hundreds).
  const claiming = new Set(findings.flatMap((f) => f.claims.map((c) => c.outlet)));
  const tried = outlets.filter((o) => claiming.has(o)).concat(outlets.filter((o) => !claiming.has(o)).slice(0, 3));
  for (const outlet of tried) {
    await page.selectOption("#filter-outlet", outlet);
    visible = await visibleFindings(page);
    checkEqual(visible.findings, findings.filter((f) => f.claims.some((c) => c.outlet === outlet)).map((f) => f.id).sort(),
      `${name}: outlet filter ${outlet} (findings)`);
    checkEqual(visible.documents, json.documents.filter((d) => d.outlet === outlet).map((d) => d.path).sort(),
      `${name}: outlet filter ${outlet} (documents)`);
  }
  // Filters combine, and "Show all" clears them.
  if (outlets.length > 0 && kinds.length > 0) {
    const outlet = outlets[0];
    const kind = kinds[0];
    await page.selectOption("#filter-outlet", outlet);
    await page.selectOption("#filter-kind", kind);
    visible = await visibleFindings(page);
    checkEqual(visible.findings,
      findings.filter((f) => f.kind === kind && f.claims.some((c) => c.outlet === outlet)).map((f) => f.id).sort(),
      `${name}: kind and outlet filters combine`);
  }
  await page.click("#filter-reset");
  visible = await visibleFindings(page);
  checkEqual(visible.findings, all, `${name}: "Show all" clears the filters`);
  checkEqual(visible.documents, json.documents.map((d) => d.path).sort(), `${name}: "Show all" shows every document`);

  // Highlights: in each finding, each claim's <mark> holds exactly its value span.
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll("article.finding li.claim")].map((li) => ({
      finding: li.closest("article.finding").dataset.findingId,
      claim: li.dataset.claim,
      quote: li.querySelector("blockquote").textContent,
      marks: [...li.querySelectorAll("blockquote mark")].map((m) => m.textContent),
    })));
  let highlighted = 0;
  for (const f of findings) {
    for (const c of f.claims) {
      const shown = marks.find((m) => m.finding === f.id && m.claim === c.id);
      check(shown !== undefined, `${name}: claim ${c.id} of ${f.id} is shown`);
      if (!shown) continue;
      checkEqual(shown.quote, c.evidence, `${name}: claim ${c.id} shows its sentence as text`);
      const value = valueText(c);
      if (value === null) {
        checkEqual(shown.marks, [], `${name}: claim ${c.id} without a value span has no highlight`);
      } else {
        checkEqual(shown.marks, [value], `${name}: claim ${c.id} highlights exactly its value`);
        highlighted += 1;
      }
    }
  }
  check(highlighted > 0, `${name}: at least one highlight was checked`);

  // Consensus: every finding names its most likely value (or says why there is none).
  const consensusLines = await page.evaluate(() =>
    [...document.querySelectorAll("article.finding")].map((a) => ({
      finding: a.dataset.findingId,
      line: a.querySelector(".consensus-line") ? a.querySelector(".consensus-line").textContent : null,
    })));
  for (const f of findings) {
    if (!f.consensus) continue;
    const shown = consensusLines.find((c) => c.finding === f.id);
    check(shown !== undefined && shown.line !== null, `${name}: finding ${f.id} shows its consensus`);
    if (!shown || shown.line === null) continue;
    if (f.consensus.status === "consensus" || f.consensus.status === "contested") {
      check(shown.line.includes(f.consensus.best.value), `${name}: finding ${f.id} names its consensus value`);
    } else {
      check(shown.line.includes(f.consensus.status === "no_value" ? "no value" : "insufficient evidence"),
        `${name}: finding ${f.id} says why it has no consensus`);
    }
  }
  // Outlet reliability: one row per outlet, in report.json's order.
  const reliabilityRows = await page.locator("table.reliability tbody th").allTextContents();
  checkEqual(reliabilityRows, json.outlet_reliability.outlets.map((r) => r.outlet), `${name}: the reliability table has a row per outlet`);
  // Quotation drift: both quotations as text, exactly the bracketed words of report.json marked.
  const drift = await page.evaluate(() =>
    [...document.querySelectorAll("#quote-drift article.drift")].map((a) =>
      [...a.querySelectorAll("blockquote")].map((b) => ({ text: b.textContent, marks: [...b.querySelectorAll("mark")].map((m) => m.textContent) }))));
  checkEqual(drift.length, json.quote_drift.length, `${name}: every quotation drift is shown`);
  const bracketed = (marked) => [...marked.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
  json.quote_drift.forEach((d, i) => {
    if (!drift[i] || drift[i].length !== 2) return check(false, `${name}: quotation drift ${i} shows two quotations`);
    [d.a, d.b].forEach((p, side) => {
      checkEqual(drift[i][side].text, p.quote, `${name}: quotation drift ${i} shows ${p.document}'s words as text`);
      checkEqual(drift[i][side].marks, bracketed(p.marked), `${name}: quotation drift ${i} marks the words that differ in ${p.document}`);
    });
  });
  // Documents view: every claim's value is inside a highlight in its document's sentence.
  const documentMarks = await page.evaluate(() =>
    [...document.querySelectorAll("article.document mark")].map((m) => ({
      path: m.closest("article.document").dataset.path,
      claims: (m.dataset.claims || "").split(" "),
      text: m.textContent,
    })));
  for (const f of findings) {
    for (const c of f.claims) {
      const value = valueText(c);
      if (value === null) continue;
      const mark = documentMarks.find((m) => m.path === c.document && m.claims.includes(c.id));
      check(mark !== undefined, `${name}: claim ${c.id} is highlighted in the view of ${c.document}`);
      if (!mark) continue;
      if (mark.claims.length === 1) checkEqual(mark.text, value, `${name}: document view highlights exactly ${c.id}'s value`);
      else check(mark.text.includes(value), `${name}: merged document highlight holds ${c.id}'s value`);
    }
  }

  // Structure: one h1, a heading for each section, verdict words beside colours.
  const headings = await page.evaluate(() => ({
    h1: document.querySelectorAll("h1").length,
    h2: [...document.querySelectorAll("h2")].map((h) => h.textContent),
    landmarks: ["header", "main", "footer", "nav"].filter((t) => document.querySelector(t)),
    lang: document.documentElement.lang,
  }));
  checkEqual(headings.h1, 1, `${name}: one h1`);
  for (const h of ["Summary", "Filters", "Who says what", "Findings", "Documents", "Subject graph"]) {
    check(headings.h2.includes(h), `${name}: a "${h}" heading`);
  }
  checkEqual(headings.landmarks, ["header", "main", "footer", "nav"], `${name}: landmarks`);
  checkEqual(headings.lang, "en", `${name}: page language`);
  const badgesWithoutWords = await page.locator(".badge").evaluateAll((bs) => bs.filter((b) => b.innerText.trim() === "").length);
  checkEqual(badgesWithoutWords, 0, `${name}: every verdict badge has a word, not only a colour`);

  // Contrast: text against its (nearest opaque) background, WCAG AA 4.5:1.
  const contrast = await page.evaluate(() => {
    const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    const selectors = [".badge", ".count", "mark", ".muted", ".toggle", ".kind", "blockquote", "caption", "figcaption", "a", "legend", ".status"];
    const worst = [];
    for (const s of selectors) {
      for (const el of document.querySelectorAll(s)) {
        if (el.getClientRects().length === 0) continue;
        const fg = parse(getComputedStyle(el).color);
        const l1 = lum(fg), l2 = lum(background(el));
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        if (ratio < 4.5) worst.push(`${s} ${ratio.toFixed(2)}`);
      }
    }
    return worst;
  });
  checkEqual(contrast, [], `${name}: text contrast is at least 4.5:1`);

  // The subject graph: dot's SVG as an image, or the built-in layout.
  const graph = await page.evaluate(() => {
    const img = document.querySelector("#graph img");
    const svg = document.querySelector("#graph svg.graph-built-in");
    return { img: img ? { src: img.src.slice(0, 26), width: img.naturalWidth, alt: img.alt } : null, svg: svg ? svg.getBBox().width : 0 };
  });
  if (findings.length > 0) {
    check((graph.img && graph.img.src === "data:image/svg+xml;base64," && graph.img.width > 0 && graph.img.alt.length > 0) || graph.svg > 0,
      `${name}: the subject graph is drawn (${JSON.stringify(graph)})`);
  }

  // Keyboard: Tab from the top reaches the verdict toggles and both selects,
  // and Space on a toggle filters.
  await page.reload();
  await page.waitForSelector("body[data-filters=ready]");
  const reached = [];
  for (let i = 0; i < 60 && reached.length < 3; i += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      return e ? (e.id || (e.dataset && e.dataset.verdict) || e.tagName) : "";
    });
    if (["conflict", "filter-kind", "filter-outlet"].includes(focused) && !reached.includes(focused)) reached.push(focused);
    if (focused === "conflict") {
      const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== "none");
      check(focusVisible, `${name}: the focused toggle shows a focus outline`);
      await page.keyboard.press("Space");
      visible = await visibleFindings(page);
      checkEqual(visible.findings, findings.filter((f) => f.verdict !== "conflict").map((f) => f.id).sort(),
        `${name}: Space on the conflict toggle hides the conflicts`);
      await page.keyboard.press("Space");
    }
  }
  checkEqual(reached, ["conflict", "filter-kind", "filter-outlet"], `${name}: Tab reaches the verdict toggles and both selects`);
  const skip = await page.evaluate(() => document.querySelector(".skip-link").getAttribute("href"));
  checkEqual(skip, "#main", `${name}: a skip link to the report`);

  // Screenshots at desktop and phone width, not blank, no sideways scrolling on a phone.
  const shots = path.join(outRoot, "screenshots");
  fs.mkdirSync(shots, { recursive: true });
  const blank = await inkPixels(browser, await page.screenshot({ clip: { x: 0, y: 0, width: 10, height: 10 } }));
  check(blank.total === 100, `${name}: pixel counting works`);
  for (const [label, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = await page.screenshot({ path: path.join(shots, `${name}-${label}.png`) });
    if (process.env.CROSSCHECK_BROWSER_FULL_PAGE) {  // whole-page pictures for a person to look at; slow
      await page.screenshot({ path: path.join(shots, `${name}-${label}-full.png`), fullPage: true });
    }
    const ink = await inkPixels(browser, png);
    checkEqual([ink.width, ink.height], [viewport.width, viewport.height], `${name}: ${label} screenshot size`);
    check(ink.ink > ink.total * 0.02, `${name}: ${label} screenshot is not blank (${ink.ink} of ${ink.total} pixels drawn)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `${name}: no sideways scrolling of the page at ${label} width (${overflow}px too wide)`);
    if (findings.length > 0) {
      await page.locator("article.finding").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `${name}-${label}-finding.png`) });
    }
  }
  console.log(`${name}: screenshots in ${shots}`);
  await checkAxe(browser, name, report.html, { width: 1280, height: 800 });
  await checkAxe(browser, name, report.html, { width: 390, height: 844 });
  check(requests.length === 0, `${name}: still no network requests after interaction (${JSON.stringify(requests)})`);
  await context.close();
}

// An axe-core audit (WCAG 2.1 A and AA, and axe's best practices) at a width.
// axe is injected, which the page's Content-Security-Policy rightly forbids, so
// this context alone bypasses the CSP; every other check runs with it.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
async function checkAxe(browser, name, file, viewport) {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("body[data-filters=ready]");
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  checkEqual(violations, [], `${name}: axe-core finds no accessibility violations at ${viewport.width}px`);
  await context.close();
}

// Hostile text: the payloads render as text, none of them runs.
async function checkHostile(browser, report) {
  const { json } = report;
  check(json.findings.length >= 2, "hostile: the hostile corpus yields findings (else the test proves little)");
  const evidence = json.findings.flatMap((f) => f.claims.map((c) => c.evidence));
  check(evidence.some((e) => e.includes("<script>")), "hostile: a claim's evidence holds a <script> tag");
  check(evidence.some((e) => e.includes("onerror")), "hostile: a claim's evidence holds an onerror attribute");
  check(json.findings.some((f) => f.claims.some((c) => c.outlet === HOSTILE_OUTLET_1)), "hostile: a claim's outlet is markup");

  const { context, page, requests, dialogs } = await openReport(browser, report.html, { width: 1280, height: 800 });
  // Give anything that might run a chance to: hover and click the marks, links and outlets.
  for (const selector of ["#findings mark", "#findings .claim-outlet", "#documents a"]) {
    for (const el of await page.locator(selector).all()) await el.hover({ timeout: 1000 }).catch(() => {});
  }
  await page.selectOption("#filter-outlet", HOSTILE_OUTLET_1);
  await page.selectOption("#filter-outlet", HOSTILE_OUTLET_2);
  await page.click("#filter-reset");
  await page.waitForTimeout(200);
  const state = await page.evaluate(() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    title: document.title,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).map((e) => e.outerHTML.slice(0, 80)),
    images: [...document.querySelectorAll("img")].map((i) => i.src.slice(0, 26)),
    links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")).filter((h) => !h.startsWith("#")),
    textareas: document.querySelectorAll("textarea").length,
    text: document.body.innerText,
  }));
  checkEqual(state.pwned, null, "hostile: no payload set window.__pwned");
  check(state.title.startsWith("Consistency report: "), `hostile: the title is the report's (${state.title})`);
  check(state.title !== PWNED_TITLE, "hostile: no payload set the title");
  checkEqual(state.scripts, 2, "hostile: only the report's own two script elements exist");
  checkEqual(state.handlers, [], "hostile: no element carries an event-handler attribute");
  check(state.images.every((s) => s === "data:image/svg+xml;base64,"), `hostile: the only images are the embedded graph (${state.images})`);
  check(state.links.every((h) => /^https?:\/\//.test(h)), `hostile: no javascript: or other non-web links (${state.links})`);
  checkEqual(state.textareas, 0, "hostile: no textarea was opened or closed by the text");
  check(dialogs.length === 0, `hostile: no dialog opened (${dialogs})`);
  check(requests.length === 0, `hostile: no network requests, such as for <img src=x> (${requests})`);
  // The payloads are there, as text a reader can see.
  for (const text of [`<script>document.title="${PWNED_TITLE}"</script>`, `<b onmouseover="window.__pwned='hover'">office</b>`,
    `<img src=x onerror=alert(1)>`, `<script>window.__pwned="entity"</script>`,
    `</textarea><svg onload=alert(1)>`, HOSTILE_OUTLET_1, HOSTILE_OUTLET_2, `<img src=x onerror=alert(1)>.html`]) {
    check(state.text.includes(text), `hostile: "${text}" is shown as text`);
  }
  await context.close();
  // The whole report checks still hold for hostile input.
  await checkReport(browser, "hostile", report);
}

function CSS_escape(s) {
  return s.replace(/["\\]/g, "\\$&");
}

// ---------------------------------------------------------------------------

const started = Date.now();
const corpus = corpusFor(suite);
const label = ["sample", "seeds", "hostile"].includes(suite) ? suite : path.basename(corpus);
const report = buildReport(corpus, path.join(outRoot, label));
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
});
try {
  if (suite === "hostile") await checkHostile(browser, report);
  else await checkReport(browser, label, report);
} catch (e) {
  failures.push(`${suite}: ${e.stack || e}`);
  console.error(e);
} finally {
  await browser.close();
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`${suite}: ${failures.length} of ${checks} checks failed (${seconds} s)`);
  process.exit(1);
}
console.log(`${suite}: all ${checks} checks passed (${seconds} s)`);
