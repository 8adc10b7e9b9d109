// The recruiter page in a real Chromium against the built app in token mode, twice: with only the development admin key,
// and signed in with "Entra ID" (MSAL.js through a loopback OpenID provider, openid-provider.mjs). Each time: a plan
// drafted from a job description and saved, a candidate link, the candidate's interview (through the API, with the
// link's token), the finished interview in the list, its evaluation, a review under the actor's name, the audit trail,
// and the erasure, checked in Azurite itself. axe-core checks each view.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { answers } from './answers.mjs';
import { assertAccessible } from './axe.mjs';
import { interviewThroughLink, SALARY_QUESTION } from './candidate-api.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { blobNames, tableRows } from './storage.mjs';
import { startOpenIdProvider, USER } from './openid-provider.mjs';
import { launchChromiumWithoutSpeech, root, startApp, startAzurite, stop } from './support.mjs';

const ADMIN_KEY = `admin-${randomBytes(12).toString('hex')}`;
const TABLE = 'recruiter';
const ENTRA_TABLE = 'recruiterentra';
const CONTAINER = 'recruiter-audio';
const JOB = `Senior Data Engineer. You will design and run our streaming data platform: Kafka topics, dbt models and Airflow
DAGs that feed the analytics warehouse. You own data quality checks, on-call for the pipelines, and you mentor two engineers.
We look for five years of Python and SQL, experience with Spark or Flink, and clear writing about trade-offs.`;
const scratch = mkdtempSync(join(tmpdir(), 'interview-recruiter-'));
let azurite, app, provider, signedIn, browser;

before(async () => {
  azurite = await startAzurite();
  const tokenMode = {
    Security__Mode: 'token', Security__SigningKey: randomBytes(32).toString('base64'), Storage__AudioContainer: CONTAINER,
  };
  app = await startApp(azurite.connectionString, { ...tokenMode, Security__AdminKey: ADMIN_KEY, Storage__SessionsTable: TABLE,
    Evaluation__TaskHub: 'recruiter' });
  provider = await startOpenIdProvider(scratch);
  signedIn = await startApp(azurite.connectionString, { ...tokenMode, ...provider.settings, Storage__SessionsTable: ENTRA_TABLE,
    Evaluation__TaskHub: 'recruiterentra' });
  // The provider's certificate is self-signed: the app trusts it (SSL_CERT_FILE), the browser is told to.
  browser = await launchChromiumWithoutSpeech(chromium, join(scratch, 'profile'), ['--ignore-certificate-errors']);
  for (const origin of [app.url, signedIn.url]) await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
});

after(async () => {
  await browser?.close().catch(() => {});
  await stop(app);
  await stop(signedIn);
  await provider?.close();
  await stop(azurite);
  rmSync(scratch, { recursive: true, force: true });
});

const focused = page => page.evaluate(() => document.activeElement.id);
const status = page => page.textContent('#status');

async function enterKey(page) {
  await page.goto(`${app.url}/recruiter/`);
  await assertAccessible(page, 'the key entry');
  await page.fill('#admin-key', 'not-the-admin-key-at-all');
  await page.click('#key-form button');
  await page.locator('#error').waitFor();
  assert.equal(await page.isVisible('#key-view'), true, 'a refused key asks again');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'and is not kept');
  // By keyboard: the key, then Enter.
  await page.focus('#admin-key');
  await page.keyboard.type(ADMIN_KEY);
  await page.keyboard.press('Enter');
  await page.locator('#list-view').waitFor();
  assert.equal(await focused(page), 'list-title', 'focus moves to the new view');
}

/** Drafts a plan from the job description, shows a refused save's errors, saves it under planId; returns the plan. */
async function draftAndSave(page, planId) {
  await page.click('#nav-plans');
  await page.locator('#plans tbody tr').first().waitFor();
  assert.equal(await focused(page), 'plans-title');
  await page.fill('#job-description', JOB);
  await page.fill('#draft-role', 'Data Engineer');
  await page.selectOption('#draft-seniority', 'senior');
  await page.click('#draft-form button');
  await page.waitForFunction(() => document.getElementById('plan-json').value.length > 0);
  assert.match(await status(page), /^Drafted plan .* \((offline|by the model)\); it is not saved yet\.$/);
  const plan = { ...JSON.parse(await page.inputValue('#plan-json')), id: planId };

  await page.fill('#plan-json', JSON.stringify({ ...plan, competencies: [] }, null, 2));
  await page.click('#plan-form button');
  await page.locator('#plan-error').waitFor();
  assert.ok(await page.locator('#plan-error .errors li').count() >= 1, 'every problem of the refused plan is listed');

  await page.fill('#plan-json', JSON.stringify(plan, null, 2));
  await page.click('#plan-form button');
  await page.waitForFunction(id => document.getElementById('status').textContent === `Saved plan ${id} as version 1.`, planId);
  await page.locator('#plans tbody th', { hasText: planId }).waitFor();
  assert.equal(await page.isHidden('#plan-error'), true);
  await assertAccessible(page, 'plans with the draft in the editor');
  return plan;
}

/** Signs in through the provider: MSAL.js redirects there and back, and the page lands on the list, signed in. */
async function signIn(page) {
  await page.goto(`${signedIn.url}/recruiter/`);
  await page.locator('#signin-button:enabled').waitFor();
  assert.equal(await page.isHidden('#key-form'), true, 'no admin key is asked for');
  await assertAccessible(page, 'the sign-in');
  await page.click('#signin-button');
  await page.locator('#list-view').waitFor();
  assert.equal(await page.textContent('#who'), `Signed in as ${USER.name}`);
  assert.equal(await focused(page), 'list-title', 'focus moves to the new view');
}

async function createLink(page, interviewId, planId) {
  await page.click('#nav-interviews');
  await page.fill('#link-id', interviewId);
  await page.fill('#link-plan', planId);
  await page.click('#link-form button');
  await page.locator('#link').waitFor();
  const link = await page.inputValue('#link-url');
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, `${new URL(page.url()).origin}/`, 'the link opens the candidate page');
  assert.equal(url.searchParams.get('interview'), interviewId);
  assert.equal(url.searchParams.get('plan'), null, 'the plan is in the signed token, not in the address');
  await page.click('#copy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  return link;
}

/** Finds the ended interview through the list's filters and opens it; waits for the report the page polls for. */
async function openEnded(page, planId, interviewId) {
  await page.selectOption('#filter-status', 'ended');
  await page.fill('#filter-plan', planId);
  await page.click('#filters button');
  const row = page.locator('#interviews tbody tr', { hasText: interviewId });
  await row.waitFor();
  assert.equal(await page.locator('#interviews tbody tr').count(), 1);
  assert.match(await row.textContent(), /Grace.*Data Engineer.*ended/);
  await assertAccessible(page, 'the interviews list');

  await row.locator('button').click();
  await page.locator('#detail-view').waitFor();
  assert.equal(await focused(page), 'detail-title');
  await page.locator('#report .score').waitFor({ timeout: 120_000 }); // through the 202s
  assert.match(await page.textContent('#report .score'), /^Overall [1-5] \/ 5 · /);
  assert.ok(await page.locator('#transcript li').count() >= 7, 'greeting, four turns with replies');
  assert.ok(await page.locator('#transcript audio[controls]').count() >= 1, 'the interviewer lines play');
  assert.ok(await page.locator('#competencies blockquote').count() >= 1, 'scores cite the candidate');
  const passedOn = await page.textContent('#questions li.passed-on');
  assert.ok(passedOn.startsWith('Passed on: follow up.') && passedOn.includes(SALARY_QUESTION), passedOn);
  assert.match(await page.textContent('#reviews'), /No one has reviewed/);
}

/** A review the server refuses lists every problem next to the form; then a good one is recorded and shown. */
async function review(page, competency, reviewer, screenshot) {
  await page.click('#review-form button[type="submit"]');
  await page.locator('#review-error').waitFor();
  assert.match(await page.textContent('#review-error .errors'), /decision must be advance, hold or reject\./);
  await page.check('#review-form input[value="advance"]');
  await page.selectOption(`select[name="${competency}"]`, '4');
  await page.locator('.override', { has: page.locator(`select[name="${competency}"]`) }).locator('input').fill('Clear Kafka design.');
  await page.fill('#note', 'Follow up on the salary question.');
  await page.click('#review-form button[type="submit"]');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Review recorded (1 in all).');
  // The reviewer is who the credential names, not something typed in.
  assert.match(await page.textContent('#reviews'), new RegExp(`Advance by ${reviewer}.*${competency}: 4 / 5, Clear Kafka design\\.`));
  await page.locator('#interview-audit tbody tr', { hasText: 'Reviewed' }).waitFor();
  assert.match(await page.textContent('#interview-audit'), new RegExp(`${reviewer}Reviewed.*${reviewer}Created candidate link`, 's'));
  assert.equal(await page.isHidden('#review-error'), true);
  await assertAccessible(page, 'one interview with its evaluation and review');
  mkdirSync(join(root, 'artifacts/browser'), { recursive: true });
  await page.screenshot({ path: join(root, `artifacts/browser/${screenshot}.png`), fullPage: true });
}

/** What Azurite holds of the interview: rows in its partition, its list row, blobs under its prefix. */
// The erased interview's tombstone is not data about the candidate (when, and which evaluations to purge): not counted,
// and checked to hold nothing more.
const TOMBSTONE = new Set(['PartitionKey', 'RowKey', 'Timestamp', 'odata.etag', 'ErasedAt', 'ErasedAt@odata.type', 'EvaluationVersion']);
const dataRows = rows => rows.filter(row => {
  if (!('ErasedAt' in row)) return true;
  assert.deepEqual(Object.keys(row).filter(k => !TOMBSTONE.has(k)), [], 'the tombstone holds nothing more');
  return false;
});
const kept = async (interviewId, table) => ({
  rows: dataRows(await tableRows(azurite.connectionString, table, `PartitionKey eq '${interviewId}'`)).length,
  listed: (await tableRows(azurite.connectionString, table, `PartitionKey eq '~index' and InterviewId eq '${interviewId}'`)).length,
  blobs: (await blobNames(azurite.connectionString, CONTAINER, `${interviewId}/`)).length,
});

/** Erasure, after a confirmation: back on the list, and nothing of the interview is left in Azurite. */
async function erase(page, interviewId, table, actor) {
  const before = await kept(interviewId, table);
  assert.ok(before.rows > 0 && before.listed === 1 && before.blobs > 0, `kept before the erasure: ${JSON.stringify(before)}`);
  await page.click('#erase');
  assert.equal(await focused(page), 'erase-yes');
  await page.click('#erase-yes');
  await page.locator('#list-view').waitFor();
  await page.waitForFunction(text => document.getElementById('status').textContent === text, `Interview ${interviewId} is erased.`);
  assert.equal(await page.locator('#interviews tbody tr', { hasText: interviewId }).count(), 0);
  assert.deepEqual(await kept(interviewId, table), { rows: 0, listed: 0, blobs: 0 });
  // The trail keeps the erasure (the interview id and who, nothing of the candidate): newest first on the list view.
  await page.locator('#audit tbody tr', { hasText: 'Erased' }).waitFor();
  assert.match(await page.textContent('#audit tbody tr:first-child'), new RegExp(`${actor}Erasedinterview ${interviewId}`));
}

test('with only the admin key: draft and save a plan, link a candidate, read, review and erase the interview', () =>
  onFreshPage(browser, app, 'recruiter', async page => {
    const suffix = randomBytes(4).toString('hex');
    const [planId, interviewId] = [`data-engineer-${suffix}`, `iv-rec-${suffix}`];
    await enterKey(page);
    const plan = await draftAndSave(page, planId);
    const link = await createLink(page, interviewId, planId);
    await interviewThroughLink(link, answers.slice(0, 3));
    await openEnded(page, planId, interviewId);
    await review(page, plan.competencies[0].name, 'admin key', 'recruiter');
    await erase(page, interviewId, TABLE, 'admin key');

    await page.click('#forget');
    assert.equal(await page.isVisible('#key-view'), true);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'the key is forgotten');
  }));

test('signed in with Entra ID (MSAL.js, loopback provider): the same flow, recorded under the signed-in name', () =>
  onFreshPage(browser, signedIn, 'recruiter-entra', async page => {
    const suffix = randomBytes(4).toString('hex');
    const [planId, interviewId] = [`data-engineer-${suffix}`, `iv-entra-${suffix}`];
    await signIn(page);
    const plan = await draftAndSave(page, planId);
    const link = await createLink(page, interviewId, planId);
    await interviewThroughLink(link, answers.slice(0, 3));
    await openEnded(page, planId, interviewId);
    await review(page, plan.competencies[0].name, USER.name, 'recruiter-entra');
    await erase(page, interviewId, ENTRA_TABLE, USER.name);

    await page.click('#forget');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'You are signed out.');
    assert.equal(await page.isVisible('#signin-button'), true, 'signed out: the page asks to sign in again');
    assert.equal(await page.evaluate(() => Object.keys(sessionStorage).some(k => k.includes('accesstoken'))), false, 'no token is kept');
  }));
