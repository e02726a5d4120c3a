// Lighthouse (mobile, its defaults) on each URL given, in one Chromium: prints a JSON list, in
// the order given, of {url, scores: {category: 0..100}, failing: {category: ["audit: title (value)"]},
// console: ["source: message"], benchmarkIndex: this machine's CPU score, as Lighthouse measured it}.
// Usage: node lighthouse.mjs CHROMIUM_PATH URL...   (run by tests/quality/test_lighthouse.py)
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [chromePath, ...urls] = process.argv.slice(2);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: CATEGORIES, logLevel: "error" });
    const scores = {}, failing = {};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round(category.score * 100);
      failing[id] = category.auditRefs
        .filter(ref => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map(ref => `${ref.id}: ${lhr.audits[ref.id].title} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`);
    }
    const errors = lhr.audits["errors-in-console"]?.details?.items ?? [];
    results.push({ url, scores, failing, benchmarkIndex: lhr.environment.benchmarkIndex, console: errors.map(item => `${item.source}: ${item.description}`) });
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 1));
