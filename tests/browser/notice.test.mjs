// Before consent the candidate page says that an AI conducts and scores the interview, on which competencies, and how long
// the data is kept; "Request another way to interview" records the request, which recruiters see; after consent, the
// optional questions for the adverse-impact report.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { assertAccessible } from './axe.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { launchChromiumWithoutSpeech, startApp, startAzurite, stop } from './support.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'interview-notice-'));
let azurite, app, browser;

before(async () => {
  azurite = await startAzurite();
  app = await startApp(azurite.connectionString, { Retention__Days: '90', Storage__SessionsTable: 'notice' });
  browser = await launchChromiumWithoutSpeech(chromium, join(scratch, 'profile'));
});

after(async () => {
  await browser?.close().catch(() => {});
  await stop(app);
  await stop(azurite);
  rmSync(scratch, { recursive: true, force: true });
});

test('the notice names the AI, the plan\'s competencies and the retention; another way to interview can be requested', () =>
  onFreshPage(browser, app, 'notice', async page => {
    await page.goto(`${app.url}/?plan=software-engineer`);
    await page.locator('#notice-assessed').waitFor();
    const notice = await page.textContent('#notice');
    assert.match(notice, /An AI interviewer asks the questions and an AI scores your answers/);
    assert.match(notice, /kept for 90 days after the interview/);
    const plan = await (await fetch(`${app.url}/manage/plans/software-engineer`)).json();
    assert.equal(await page.locator('#notice-competencies li').count(), plan.competencies.length);
    assert.match(notice, new RegExp(plan.competencies[0].description.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await page.isDisabled('#start'), true, 'nothing starts before consent');
    await assertAccessible(page, 'the notice');

    await page.click('#alternative');
    await page.fill('#alternative-note', 'I would prefer a phone call with a person.');
    await page.click('#alternative-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('alternative-status').textContent.includes('was sent on'));
    assert.equal(await page.isHidden('#alternative'), true);
    const listed = await (await fetch(`${app.url}/manage/alternatives`)).json();
    assert.deepEqual(listed.items.map(r => [r.plan_id, r.note]), [['software-engineer', 'I would prefer a phone call with a person.']]);
    assert.equal((await fetch(`${app.url}/session/state/${listed.items[0].interview_id}`)).status, 404, 'asking started nothing');

    await assertAccessible(page, 'the notice after a request');
    await page.check('#consent');
    await page.click('#start');
    await page.locator('#transcript li').first().waitFor();
    assert.equal(new URL(page.url()).searchParams.get('interview'), listed.items[0].interview_id, 'the same interview starts');

    // After consent, the optional questions for the adverse-impact report: kept apart, counted in the report.
    await page.locator('#fairness-form').waitFor();
    await page.selectOption('#fairness-sex', 'female');
    await page.selectOption('#fairness-race', 'asian');
    await page.click('#fairness-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('fairness-status').textContent.startsWith('Thank you'));
    await assertAccessible(page, 'the interview after the optional questions');
    const impact = await (await fetch(`${app.url}/manage/adverse-impact`)).json();
    assert.equal(impact.race_ethnicity.find(r => r.category === 'asian').candidates, 1);
  }));
