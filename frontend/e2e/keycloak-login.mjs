// Browser test of signing in through Keycloak, against Aftercare running in the keycloak profile:
//   node e2e/keycloak-login.mjs http://127.0.0.1:18080
// The app sends the browser to Keycloak's own login page (authorization code + PKCE), desk/demo signs in there and
// lands on the task inbox; API calls carry the access token as a Bearer header, no token is stored in the browser's
// storage, a reload signs in again through the Keycloak session, and logging out ends it at Keycloak.
// Run by KeycloakSignInIT (mvn -Pkeycloak-it), which starts Keycloak and the app. System Chromium, as harness.mjs.
import { baseUrl, byTestId, check, openBrowser, run, step } from './harness.mjs';

const BASE = baseUrl('keycloak-login.mjs');
const { browser, page } = await openBrowser();

const onKeycloakLogin = (url) =>
  url.pathname.endsWith('/protocol/openid-connect/auth') || url.pathname.includes('/login-actions/');
const apiAuthorizations = [];
page.on('request', (r) => {
  if (r.url().startsWith(`${BASE}/api/`) && !r.url().endsWith('/api/auth/config'))
    apiAuthorizations.push(r.headers().authorization ?? '');
});

async function storedInBrowser() {
  return page.evaluate(() => {
    const all = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) all.push(`${store.key(i)}=${store.getItem(store.key(i))}`);
    }
    return all.join('\n');
  });
}

await run(browser, page, 'e2e-keycloak-login-failure.png', async () => {
  step('open the app: it sends the browser to Keycloak (code flow, PKCE S256)');
  await page.goto(`${BASE}/#/tasks`);
  await page.waitForURL(onKeycloakLogin);
  const authorize = new URL(page.url());
  check(
    authorize.searchParams.get('client_id') === 'aftercare-spa',
    `client_id ${authorize.searchParams.get('client_id')}`,
  );
  check(
    authorize.searchParams.get('response_type') === 'code',
    `response_type ${authorize.searchParams.get('response_type')}`,
  );
  check(authorize.searchParams.get('code_challenge_method') === 'S256', 'no PKCE S256 challenge');
  check(
    authorize.searchParams.get('redirect_uri') === `${BASE}/`,
    `redirect_uri ${authorize.searchParams.get('redirect_uri')}`,
  );

  step("sign in as desk/demo on Keycloak's own form");
  await page.waitForSelector('#username');
  await page.fill('#username', 'desk');
  await page.fill('#password', 'demo');
  await page.click('#kc-login');

  step('back in the app on the task inbox, signed in as desk');
  await page.waitForSelector(`${byTestId('current-user')}[data-username="desk"]`);
  await page.waitForSelector(`${byTestId('task-inbox')}[data-state="ready"]`);
  check(page.url() === `${BASE}/#/tasks`, `the code is gone from the address: ${page.url()}`);

  step('API calls carry the access token; the browser stores none');
  check(apiAuthorizations.length > 0, 'no API call seen');
  check(
    apiAuthorizations.every((a) => a.startsWith('Bearer ey')),
    `API calls without Bearer token: ${apiAuthorizations.join(', ')}`,
  );
  const stored = await storedInBrowser();
  check(!/ey[A-Za-z0-9_-]{10,}\.ey/.test(stored), `a token is in localStorage/sessionStorage:\n${stored}`);

  step('reload: tokens were in memory only, the Keycloak session signs in again without the form');
  await page.reload();
  await page.waitForSelector(`${byTestId('current-user')}[data-username="desk"]`);

  step("log out: Keycloak's session ends, the next visit asks for the password again");
  await page.click(byTestId('logout'));
  await page.waitForURL(onKeycloakLogin);
  await page.waitForSelector('#username');

  return 'desk signed in on Keycloak, landed on the task inbox with Bearer API calls, reloaded, logged out';
});
