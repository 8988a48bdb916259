// temporary screenshot script (not committed)
import { chromium } from 'playwright-core';
const BASE = process.argv[2] || 'http://localhost:18080';
const out = '/tmp/shots';
async function api(user, method, path, body) {
  const login = await fetch(BASE + '/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  const csrf = (await login.json().catch(() => ({})))?.csrfToken;
  const r = await fetch(BASE + path, { method, headers: { 'Content-Type': 'application/json', Cookie: cookie, ...(csrf ? { 'X-XSRF-TOKEN': csrf } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, body: await r.text() };
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const pages = JSON.parse(process.argv[3]);
for (const [user, path, name] of pages) {
  for (const [w, h] of [[1440, 900], [390, 844]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));
    await page.goto(BASE + '/');
    await page.fill('[data-testid=login-username]', user);
    await page.fill('[data-testid=login-password]', 'demo');
    await page.click('[data-testid=login-submit]');
    await page.waitForTimeout(1500);
    await page.goto(BASE + path);
    await page.waitForTimeout(3000);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: `${out}/${name}-${w}.png`, fullPage: true });
    console.log(name, w, 'scrollWidth', sw);
    await ctx.close();
  }
}
await browser.close();
