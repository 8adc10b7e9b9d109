// axe-core on the candidate page in each of its states: before the start, during the interview, and with the
// evaluation shown. No serious or critical violation is allowed. The recruiter page has its own in recruiter.test.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { answers } from './answers.mjs';
import { assertAccessible } from './axe.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { lines, typeAnswer } from './steps.mjs';
import { launchChromiumWithoutSpeech, startApp, startAzurite, stop } from './support.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'interview-a11y-'));
let azurite, app, browser;

before(async () => {
  azurite = await startAzurite();
  app = await startApp(azurite.connectionString);
  browser = await launchChromiumWithoutSpeech(chromium, join(scratch, 'profile'));
});

after(async () => {
  await browser?.close().catch(() => {});
  await stop(app);
  await stop(azurite);
  rmSync(scratch, { recursive: true, force: true });
});

test('the candidate page has no serious accessibility violations before, during and after an interview', () =>
  onFreshPage(browser, app, 'a11y', async page => {
    await page.goto(`${app.url}/`);
    await assertAccessible(page, 'the consent step');

    await page.check('#consent');
    await page.click('#start');
    await lines(page).first().waitFor();
    await typeAnswer(page, answers[0]);
    await assertAccessible(page, 'the interview with its transcript');

    await page.click('#end');
    await page.locator('#report .score').waitFor({ timeout: 60_000 });
    await assertAccessible(page, 'the evaluation');
  }));
