// Reads the Lighthouse JSON reports bench/lighthouse.sh wrote (FORM-PAGE-RUN.json) and prints,
// per page and form factor, the median score of each category over the runs (and the range of
// Performance, the one that moves with the machine's load), then the audits
// that cost points in any run, so a score below target says what to fix.
import { readFileSync } from 'node:fs';

const [dir, runs] = [process.argv[2], Number(process.argv[3])];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const lost = new Map();

console.log('| form | page | Performance (range) | Accessibility | Best Practices | SEO | LCP | TBT | CLS |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const form of ['desktop', 'mobile']) {
  for (const page of ['home', 'incident', 'uptime', 'history']) {
    const reports = Array.from({ length: runs }, (_, i) =>
      JSON.parse(readFileSync(`${dir}/${form}-${page}-${i + 1}.json`, 'utf8')));
    const failed = reports.find(r => r.runtimeError);
    if (failed) {
      throw new Error(`${form} ${page}: ${failed.runtimeError.code} ${failed.runtimeError.message}`);
    }
    const runScores = c => reports.map(r => Math.round(r.categories[c].score * 100));
    const scores = categories.map(c => median(runScores(c)));
    const performance = runScores('performance');
    scores[0] = `${scores[0]} (${Math.min(...performance)}-${Math.max(...performance)})`;
    const metric = id => median(reports.map(r => r.audits[id].numericValue));
    console.log(`| ${form} | ${page} | ${scores.join(' | ')} | ${Math.round(metric('largest-contentful-paint'))} ms`
      + ` | ${Math.round(metric('total-blocking-time'))} ms | ${metric('cumulative-layout-shift').toFixed(3)} |`);
    for (const r of reports) {
      for (const warning of r.runWarnings) {
        lost.set(`warning on ${form} ${page}: ${warning}`, (lost.get(`warning on ${form} ${page}: ${warning}`) ?? 0) + 1);
      }
      for (const c of categories) {
        for (const ref of r.categories[c].auditRefs) {
          const audit = r.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
            lost.set(`${c}: ${ref.id} (${audit.title})`, (lost.get(`${c}: ${ref.id} (${audit.title})`) ?? 0) + 1);
          }
        }
      }
    }
  }
}
if (lost.size > 0) {
  console.log('\nAudits below full marks and run warnings (times, over all runs):');
  for (const [audit, times] of [...lost].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${times}x ${audit}`);
  }
}
