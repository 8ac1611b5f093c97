// Runs Lighthouse (mobile profile, the default) on each URL given, in one Debian Chromium, and prints
// one JSON line: [{url, scores: {performance, accessibility, best-practices, seo}, failing: [...],
// lcp, error}] (error: Lighthouse's runtimeError code when the run itself failed, e.g. NO_LCP).
// LIGHTHOUSE_CATEGORIES (comma-separated) limits the categories: tests/test_lighthouse.py asks for
// accessibility, best-practices and seo; bench/lighthouse.py for performance. CHROME_PATH must point
// at the browser (no browser downloads).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const url of urls) {
    const run = await lighthouse(url, {
      port: chrome.port, logLevel: "error", output: "json",
      onlyCategories: (process.env.LIGHTHOUSE_CATEGORIES || "performance,accessibility,best-practices,seo").split(","),
    });
    const lhr = run.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
      .map((a) => `${a.id} (${a.score}) ${a.displayValue || ""}`.trim());
    results.push({
      url, scores, failing,
      lcp: lhr.audits["largest-contentful-paint"]?.displayValue ?? null,
      error: lhr.runtimeError?.code ?? null,
    });
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results));
