// Drives the control panel in a real headless browser (Debian's chromium through playwright-core): sign in with the
// router key, see the providers, disable one, save; create a per-user key, use it, revoke it. The JUnit test that
// runs this script then checks, through the router, that requests avoid that provider and which keys remain.
//
// Environment: ROUTER_URL (http://127.0.0.1:PORT), ROUTER_KEY, PROVIDER (the one to disable), SCREENSHOT (PNG path),
// USER_DATA_DIR (a fresh browser profile), CHROMIUM (default /usr/bin/chromium); for the Models section CATALOG_MODEL
// and CATALOG_WINDOW (a listed model, "provider,model", and its window as shown), REFUSED_MODEL, REFUSED_WINDOW and
// REFUSED_PARAMETER (a model with a parameter its provider refused); for the per-user keys USER_KEY (a key to create,
// use and revoke) and SHOWN_KEY (one left in place).
import {chromium} from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const routerUrl = env('ROUTER_URL');
const provider = env('PROVIDER');
const userKey = env('USER_KEY');
const screenshot = env('SCREENSHOT');
const timeout = 15000;

const browser = await chromium.launchPersistentContext(env('USER_DATA_DIR'), {
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  viewport: {width: 1280, height: 1000},
  locale: 'en-US', // numbers in the page are formatted for the browser's locale
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = browser.pages()[0] ?? await browser.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
// the browser logs every 4xx answer; the 401 and 400 here are on purpose, anything else is a fault of the page
page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource')
    && problems.push(`console error: ${m.text()}`));
page.on('response', (r) => r.status() === 404 && problems.push(`not found: ${r.url()}`));

const step = (text) => console.log(`step: ${text}`);
try {
  step('load the page');
  await page.goto(`${routerUrl}/ui`, {timeout});
  await page.getByLabel('Router key').waitFor({timeout});

  step('a wrong key is refused with the API message');
  await page.getByLabel('Router key').fill('not-the-key');
  await page.getByRole('button', {name: 'Sign in'}).click();
  await page.getByRole('alert').filter({hasText: 'Invalid router key'}).waitFor({timeout});

  step('sign in with the key');
  await page.getByLabel('Router key').fill(env('ROUTER_KEY'));
  await page.getByRole('button', {name: 'Sign in'}).click();
  const row = page.locator(`#providers tr[data-provider="${provider}"]`);
  await row.waitFor({timeout});
  await row.getByText('up', {exact: true}).waitFor({timeout});

  step('the Models section shows the catalog and the refused parameters');
  const models = page.getByRole('table').filter({has: page.getByRole('columnheader', {name: 'Context window'})});
  const listed = models.locator(`tr[data-model="${env('CATALOG_MODEL')}"]`);
  await listed.getByRole('cell', {name: env('CATALOG_WINDOW'), exact: true}).waitFor({timeout});
  await listed.getByText('shipped', {exact: false}).waitFor({timeout});
  const refused = models.locator(`tr[data-model="${env('REFUSED_MODEL')}"]`);
  await refused.getByRole('cell', {name: env('REFUSED_WINDOW'), exact: true}).waitFor({timeout});
  await refused.getByText('config', {exact: true}).waitFor({timeout});
  await refused.getByText(env('REFUSED_PARAMETER'), {exact: true}).waitFor({timeout});

  step(`disable ${provider} and save`);
  const enabled = page.getByLabel(`Enabled: ${provider}`);
  if (!(await enabled.isChecked())) throw new Error(`${provider} was not shown as enabled`);
  await enabled.uncheck();
  await page.getByText(`Unsaved: disable ${provider}`).waitFor({timeout});

  step('map a client model to the other provider in the same save');
  await page.getByLabel('Client model').fill('claude-haiku-4-5');
  await page.getByLabel('Provider and model').fill(env('MAPPING'));
  await page.getByRole('button', {name: 'Add mapping'}).click();
  await page.locator('#model-map').getByText(env('MAPPING')).waitFor({timeout});
  await page.getByRole('button', {name: 'Save changes'}).click();
  await page.getByRole('status').filter({hasText: `Saved: disable ${provider}`}).waitFor({timeout});
  await row.getByText('disabled', {exact: true}).first().waitFor({timeout});

  step('an invalid priority shows the API error');
  const priority = page.getByLabel(`Priority of ${provider}`);
  await priority.fill('0');
  await page.getByRole('button', {name: 'Save changes'}).click();
  await page.getByRole('alert').filter({hasText: `providers.${provider}.priority: must be a whole number of 1 or more`})
      .waitFor({timeout});
  await page.getByRole('button', {name: 'Discard'}).click();

  step('create a per-user key with limits; its secret is shown once');
  const keys = page.locator('#user-keys');
  await page.getByLabel('Key name').fill(userKey);
  await page.getByLabel('Requests per minute').fill('60');
  await page.getByLabel('Spend per month ($)').fill('200');
  await page.getByRole('button', {name: 'Create key'}).click();
  await page.getByRole('status').filter({hasText: `Created ${userKey}`}).waitFor({timeout});
  const secret = await page.getByLabel(`New key for ${userKey}`).inputValue();
  if (!secret.startsWith('ccr-vk-')) throw new Error(`the page did not show a new key: '${secret}'`);
  await page.getByText('it will not be shown again').first().waitFor({timeout});
  await keys.locator(`tr[data-key="${userKey}"]`).getByText('60 req/min, $200/month').waitFor({timeout});

  step('the new key works for a request, and its usage shows');
  const withKey = () => fetch(`${routerUrl}/v1/messages`, {method: 'POST',
    headers: {'x-api-key': secret, 'content-type': 'application/json'},
    body: JSON.stringify({model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{role: 'user', content: 'hi'}]})});
  const used = await withKey();
  if (used.status !== 200) throw new Error(`the new key was refused: ${used.status} ${await used.text()}`);
  await keys.locator(`tr[data-key="${userKey}"] td`).nth(1).getByText('1', {exact: true}).waitFor({timeout});

  step('a second key with the same name shows the API error');
  await page.getByLabel('Key name').fill(userKey);
  await page.getByRole('button', {name: 'Create key'}).click();
  await page.getByRole('alert').filter({hasText: `name: a key named '${userKey}' exists already`}).waitFor({timeout});

  step('revoke the key after confirming; its secret is refused from then on');
  let question = null;
  page.once('dialog', (dialog) => {
    question = dialog.message();
    dialog.accept();
  });
  await page.getByRole('button', {name: `Revoke ${userKey}`}).click();
  await page.getByRole('status').filter({hasText: `Revoked ${userKey}`}).waitFor({timeout});
  if (!question || !question.includes(userKey)) throw new Error(`no confirmation naming the key: ${question}`);
  await keys.locator(`tr[data-key="${userKey}"]`).waitFor({state: 'detached', timeout});
  if (await page.locator('#new-key').isVisible()) throw new Error('the revoked key\'s secret is still shown');
  const revoked = await withKey();
  if (revoked.status !== 401) throw new Error(`the revoked key was not refused: ${revoked.status} ${await revoked.text()}`);

  step('another key without limits, left on screen for the screenshot');
  await page.getByLabel('Key name').fill(env('SHOWN_KEY'));
  await page.getByRole('button', {name: 'Create key'}).click();
  await keys.locator(`tr[data-key="${env('SHOWN_KEY')}"]`).getByText('none', {exact: true}).waitFor({timeout});

  step('let the charts gather a few samples, then take the screenshot');
  await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 7000));
  // a viewport as tall as the page: the save bar sticks to the viewport's bottom, as a person would see it
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({width: 1280, height});
  await page.screenshot({path: screenshot});
  if (problems.length) throw new Error(problems.join('\n'));
  console.log('panel test passed');
} catch (e) {
  await page.screenshot({path: screenshot.replace(/\.png$/, '-failure.png'), fullPage: true}).catch(() => {});
  console.error(`panel test failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
