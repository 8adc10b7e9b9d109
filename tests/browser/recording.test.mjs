// Silence ends a spoken answer, in a real Chromium whose fake microphone loops one sentence and then 5 s of silence:
// a tap records until the pause ("still listening" and a countdown meanwhile), "Let me think" holds it one more period,
// the plan's silence_seconds sets the wait, and a hand stop always works. Azurite and the app start and stop here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { lines, listening, replied, speakingAgain } from './steps.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { launchChromium, startApp, startAzurite, stop } from './support.mjs';

const SPOKEN = 'I have five years of experience building distributed systems and leading a team';
const scratch = mkdtempSync(join(tmpdir(), 'recording-browser-'));
let azurite, app, browser;

/** A test on a fresh page (a screenshot and the app's log tail on failure). */
function browserTest(name, steps) {
  test(name, () => onFreshPage(browser, app, 'recording', steps));
}

describe('recording ends on silence', () => {
  before(async () => {
    const wav = join(scratch, 'answer.wav');
    const pausing = join(scratch, 'pausing.wav');
    execFileSync('flite', ['-voice', 'slt', '-t', SPOKEN, '-o', wav]);
    execFileSync('sox', [wav, pausing, 'pad', '0', '5']); // the sentence, then 5 s of silence, looped by Chrome
    azurite = await startAzurite();
    app = await startApp(azurite.connectionString);
    browser = await launchChromium(chromium, join(scratch, 'pausing'), pausing);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stop(app);
    await stop(azurite);
    rmSync(scratch, { recursive: true, force: true });
  });

  browserTest('a tap starts recording, "still listening" shows in the pause, and 3 seconds of silence send it', async page => {
    await page.goto(`${app.url}/`);
    await page.check('#consent');
    await page.click('#start');
    await lines(page).first().waitFor();
    assert.equal(await page.textContent('#silence-seconds'), '3');
    const count = await lines(page).count();
    await page.click('#talk'); // a tap, not a hold: recording goes on after the release
    assert.equal(await page.getAttribute('#talk', 'aria-pressed'), 'true');
    await listening(page);
    assert.ok(Number(await page.getAttribute('#countdown', 'data-remaining')) <= 3);
    await replied(page, count, 60_000); // nobody stops it: the pause after the sentence does
    assert.match(await lines(page).nth(count).locator('.text').textContent(), /\w/);
    assert.equal(await page.getAttribute('#talk', 'aria-pressed'), 'false');
  });

  browserTest('"Let me think" holds the auto-stop for one more period: a 5 s pause does not end the answer', async page => {
    await page.goto(`${app.url}/`);
    await page.check('#consent');
    await page.click('#start');
    await lines(page).first().waitFor();
    const count = await lines(page).count();
    await page.click('#talk');
    await listening(page);
    await page.click('#think');
    await page.waitForFunction(() => document.getElementById('mic').textContent === 'Still listening. Take your time.');
    assert.equal(await page.textContent('#countdown'), '', 'no countdown while held');
    await speakingAgain(page); // the pause is over and the recording still runs
    await replied(page, count, 60_000); // the next pause, not held, sends it
  });

  browserTest("the plan's silence_seconds sets the auto-stop, and a hand stop always works", async page => {
    const plan = await (await fetch(`${app.url}/manage/plans/software-engineer`)).json();
    const saved = await fetch(`${app.url}/manage/plans`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...plan, id: 'patient-plan', silence_seconds: 8 }) });
    assert.equal(saved.status, 201);
    await page.goto(`${app.url}/?plan=patient-plan`);
    await page.check('#consent');
    await page.click('#start');
    await lines(page).first().waitFor();
    assert.equal(await page.textContent('#silence-seconds'), '8');
    const count = await lines(page).count();
    await page.click('#talk');
    await listening(page);
    assert.ok(Number(await page.getAttribute('#countdown', 'data-remaining')) > 3);
    // 4 s into the pause, longer than the default 3 s, the recording still runs; then it is stopped by hand.
    await page.waitForFunction(() => Number(document.getElementById('countdown').dataset.remaining) <= 4
      || document.getElementById('talk').getAttribute('aria-pressed') === 'false');
    assert.equal(await page.getAttribute('#talk', 'aria-pressed'), 'true', 'the pause ended the recording');
    await page.click('#talk');
    await replied(page, count, 60_000);
  });
});
