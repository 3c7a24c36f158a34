// Opens each page given on the command line in headless Chromium (playwright-core, Debian's
// /usr/bin/chromium or $CHROMIUM), reports console errors and failed requests, then runs
// axe-core (WCAG 2.1 A/AA and best practices) in the light and the dark colour scheme.
// Prints one JSON object per page; exits 1 when any page has a problem.
// Usage: NODE_PATH=.ci/node/node_modules node tests/web/axe.js page.html...
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function main() {
  const pages = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  let failed = false;
  try {
    for (const file of pages) {
      const url = 'file://' + path.resolve(file);
      const result = { page: file, console: [], requests: [], violations: [] };
      // As a reader opens it: the page's own policy applies, every message is kept.
      const plain = await browser.newContext();
      const page = await plain.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') result.console.push(m.type() + ': ' + m.text());
      });
      page.on('pageerror', (e) => result.console.push('pageerror: ' + e.message));
      page.on('request', (r) => {
        if (r.url() !== url && !r.url().startsWith('file://')) result.requests.push(r.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      await plain.close();
      // axe is injected, so the policy that forbids foreign scripts is bypassed for it only.
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
        const checked = await context.newPage();
        await checked.goto(url, { waitUntil: 'load' });
        await checked.addScriptTag({ content: axeSource });
        const found = await checked.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + n.failureSummary),
          }));
        }, TAGS);
        for (const v of found) result.violations.push(Object.assign({ scheme }, v));
        await context.close();
      }
      if (result.console.length || result.requests.length || result.violations.length) failed = true;
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(2);
});
