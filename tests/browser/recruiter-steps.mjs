// The recruiter page's steps that need only the page: the plan drafted from a job description and saved, a candidate
// link, the ended interview found through the list's filters with its report, and a review under the actor's name.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertAccessible } from './axe.mjs';
import { SALARY_QUESTION } from './candidate-api.mjs';
import { root } from './support.mjs';

const JOB = `Senior Data Engineer. You will design and run our streaming data platform: Kafka topics, dbt models and Airflow
DAGs that feed the analytics warehouse. You own data quality checks, on-call for the pipelines, and you mentor two engineers.
We look for five years of Python and SQL, experience with Spark or Flink, and clear writing about trade-offs.`;

export const focused = page => page.evaluate(() => document.activeElement.id);
export const status = page => page.textContent('#status');


export async function draftAndSave(page, planId) {
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

export async function createLink(page, interviewId, planId) {
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
export async function openEnded(page, planId, interviewId) {
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
export async function review(page, competency, reviewer, screenshot) {
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

/**
 * The calibration view after one review: the interview counted, a bar drawn for each row of figures (competencies and
 * overall), the small-sample warning; then back to the interview.
 */
export async function checkCalibration(page, planId, interviewId) {
  await page.click('#nav-calibration');
  await page.fill('#calibration-plan', planId);
  await page.click('#calibration-form button');
  await page.waitForFunction(() => document.getElementById('calibration-summary').textContent === '1 reviewed interview.');
  const bars = await page.locator('#calibration-chart rect.bar').count();
  assert.ok(bars >= 2, 'a bar per competency and one overall');
  assert.equal(bars, await page.locator('#calibration-table tbody tr').count(), 'the chart and the table show the same rows');
  assert.equal(await page.isVisible('#calibration-warning'), true, 'one review is a small sample');
  assert.equal(await page.locator('#calibration-confusion tbody tr').count(), 4, 'each recommendation against each decision');
  await assertAccessible(page, 'the calibration');

  await page.click('#nav-interviews');
  await page.locator('#interviews tbody tr', { hasText: interviewId }).locator('button').click();
  await page.locator('#detail-view').waitFor();
}
