// Time to fill worksheet PDFs with the site's own filler (assets/worksheets/fill.js and the
// vendored pdf-lib, from a built site), in Node: the longest real case, a full draaiboek of a
// five-hour plan (as the planner's export makes it), and the long-word cases of issue #22.
// Usage: node --no-warnings bench/fill.mjs SITE_DIR   (prints JSON; bench/run.py calls it)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const site = process.argv[2].replace(/\/?$/, "/");
const asset = (path) => pathToFileURL(site + path).href;
const fill = await import(asset("assets/worksheets/fill.js"));
const lib = await import(asset("assets/worksheets/vendor/pdf-lib.esm.min.js"));
const json = (path) => JSON.parse(readFileSync(site + path, "utf8"));

const clock = (minutes) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The planner's draaiboek answers (overrides/assets/planner/print.js draaiboek()) for guides and breaks from 09:00. */
function plan(lang, tokens) {
  const prefix = lang === "nl" ? "" : "en/";
  const core = json(`${prefix}plannen/gidsen.json`);
  const details = json(`${prefix}plannen/details.json`);
  const guides = Object.fromEntries(core.guides.map((g) => [g.slug, g]));
  const rows = [];
  const goals = [];
  let at = 9 * 60;
  for (const token of tokens) {
    if (token.startsWith("pauze:")) {
      const minutes = Number(token.slice(6));
      rows.push({ minuten: String(minutes), blok: `${clock(at)}–${clock(at + minutes)} ${core.ui.breakTitle}` });
      at += minutes;
      continue;
    }
    const guide = guides[token];
    goals.push(guide.goal);
    for (const step of guide.steps) {
      const question = details.guides[token].questions[step.id]?.[0] || "";
      rows.push({ minuten: String(step.minutes), blok: `${clock(at)}–${clock(at + step.minutes)} ${step.title}: ${step.goal}`, kernvraag: question });
      at += step.minutes;
    }
  }
  return { minutes: at - 9 * 60, answers: { naam: "Regio Noord", "wanneer-waar": `2026-12-14, 09:00–${clock(at)}`, doel: goals.join(" "), programma: rows } };
}

async function time(sheet, lang, answers, runs = 5) {
  const data = json(`assets/worksheets/${lang}/${sheet}.json`);
  const bytes = readFileSync(site + data.files.pdf);
  const times = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = await fill.fillPdfData(lib, bytes, data, answers);
    times.push(performance.now() - start);
    size = out.length;
  }
  const first = times[0]; // the first fill of a page: the code not yet optimised by the engine
  times.sort((a, b) => a - b);
  const pages = (await lib.PDFDocument.load(await fill.fillPdfData(lib, bytes, data, answers))).getPageCount();
  return { first_ms: Math.round(first), median_ms: Math.round(times[Math.floor(runs / 2)]), runs, pages, bytes: size };
}

const five = plan("nl", ["startbijeenkomst", "pauze:15", "kerngesprek", "pauze:15"]);
const cases = {
  [`draaiboek, full plan of ${five.minutes / 60} hours (${five.answers.programma.length} blocks)`]: ["draaiboek", "nl", five.answers],
  "draaiboek, a 3,000-letter word in a table cell": ["draaiboek", "nl", { programma: [{ kernvraag: "x".repeat(3000) }] }],
  "draaiboek, 3,000 CJK characters in a table cell": ["draaiboek", "nl", { programma: [{ blok: "漢".repeat(3000) }] }],
  "draaiboek, a 6,000-character address": ["draaiboek", "nl", { "wanneer-waar": "Kerkstraat ".repeat(3) + "a".repeat(6000) }],
  "belangenkaart, 700-character answer and a long table cell": [
    "belangenkaart",
    "nl",
    { positie: "We doen mee, maar pas over vier jaar, als onze woningen groot onderhoud krijgen. ".repeat(9), belangen: [{ belang: "Woonlasten van huurders gaan niet omhoog ".repeat(6) }] },
  ],
};
const out = {};
for (const [label, [sheet, lang, answers]] of Object.entries(cases)) out[label] = await time(sheet, lang, answers);
console.log(JSON.stringify(out, null, 1));
