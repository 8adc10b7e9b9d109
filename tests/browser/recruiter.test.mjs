// The recruiter page in a real Chromium against the built app in token mode, twice: with only the development admin key,
// and signed in with "Entra ID" (MSAL.js through a loopback OpenID provider, openid-provider.mjs). Each time: a plan
// drafted from a job description and saved, a candidate link, the candidate's interview (through the API, with the
// link's token), the finished interview in the list, its evaluation, a review under the actor's name, the audit trail,
// and the erasure, checked in Azurite itself. axe-core checks each view.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { answers } from './answers.mjs';
import { assertAccessible } from './axe.mjs';
import { interviewThroughLink } from './candidate-api.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { checkCalibration, createLink, draftAndSave, focused, openEnded, review } from './recruiter-steps.mjs';
import { blobNames, tableRows } from './storage.mjs';
import { startOpenIdProvider, USER } from './openid-provider.mjs';
import { launchChromiumWithoutSpeech, startApp, startAzurite, stop } from './support.mjs';
import { checkDeliveries, startTracker, subscribe } from './webhook-steps.mjs';
import { inviteInBulk } from './invite-steps.mjs';

const ADMIN_KEY = `admin-${randomBytes(12).toString('hex')}`;
const TABLE = 'recruiter';
const ENTRA_TABLE = 'recruiterentra';
const CONTAINER = 'recruiter-audio';
const scratch = mkdtempSync(join(tmpdir(), 'interview-recruiter-'));
let azurite, app, provider, signedIn, browser, tracker;

before(async () => {
  azurite = await startAzurite();
  tracker = await startTracker();
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
  await tracker?.close();
  await stop(azurite);
  rmSync(scratch, { recursive: true, force: true });
});

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
    const secret = await subscribe(page, tracker);
    const plan = await draftAndSave(page, planId);
    const link = await createLink(page, interviewId, planId);
    await inviteInBulk(page, planId);
    await interviewThroughLink(link, answers.slice(0, 3));
    await openEnded(page, planId, interviewId);
    await review(page, plan.competencies[0].name, 'admin key', 'recruiter');
    await checkDeliveries(page, tracker, secret, interviewId);
    await checkCalibration(page, planId, interviewId);
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
