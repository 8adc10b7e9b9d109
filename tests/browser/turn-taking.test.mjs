// Turn-taking in a real Chromium with Chrome's fake microphone: a pause after a finished sentence ends the turn sooner
// than the same pause mid-clause (the energy cue: no live words here), and barge-in: the candidate speaks over the
// interviewer's greeting, the greeting stops, the answer is recorded and the stored greeting says how much was heard.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { lines, replied } from './steps.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { launchChromium, startApp, startAzurite, stop } from './support.mjs';

const COMPLETE = 'I led the team that rebuilt our payment service.';
// Cut 3.1 s in, inside "moved": the voice stops while still loud, as a speaker stopping mid-clause does.
const LONGER = 'I led the team that rebuilt our payment service and then we moved on to search';
const scratch = mkdtempSync(join(tmpdir(), 'turn-taking-'));
let azurite, app;
const browsers = {};

function wav(name, effects, text = COMPLETE) {
  const spoken = join(scratch, `${name}-spoken.wav`);
  const file = join(scratch, `${name}.wav`);
  execFileSync('flite', ['-voice', 'slt', '-t', text, '-o', spoken]);
  execFileSync('sox', [spoken, file, ...effects]);
  return file;
}

/** Starts an interview; the greeting is playing (muted) when this returns. */
async function started(page) {
  await page.goto(`${app.url}/`);
  await page.check('#consent');
  await page.click('#start');
  await lines(page).first().waitFor();
}

/** Records one answer with a tap and lets the pause end it; returns the pause the page waited. */
async function pauseThatEndedTheTurn(page) {
  await started(page);
  const count = await lines(page).count();
  await page.click('#talk');
  await replied(page, count, 60_000);
  return Number(await page.evaluate(() => document.body.dataset.endOfTurnPauseMs));
}

describe('turn-taking', () => {
  before(async () => {
    const files = {
      complete: wav('complete', ['pad', '0', '6']),
      midClause: wav('mid-clause', ['trim', '0', '3.1', 'pad', '0', '6'], LONGER),
      bargeIn: wav('barge-in', ['pad', '2', '5']), // quiet while the greeting starts, then speech over it
    };
    azurite = await startAzurite();
    app = await startApp(azurite.connectionString);
    for (const [name, file] of Object.entries(files)) {
      browsers[name] = await launchChromium(chromium, join(scratch, `profile-${name}`), file);
    }
  });

  after(async () => {
    await Promise.all(Object.values(browsers).map(b => b.close().catch(() => {})));
    await stop(app);
    await stop(azurite);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('a pause after a finished sentence ends the turn sooner than the same pause mid-clause', async () => {
    let complete, midClause;
    await onFreshPage(browsers.complete, app, 'turn-complete', async page => { complete = await pauseThatEndedTheTurn(page); });
    await onFreshPage(browsers.midClause, app, 'turn-mid-clause', async page => { midClause = await pauseThatEndedTheTurn(page); });
    console.log(`end of turn (silence_seconds 3): after a finished sentence ${complete} ms, mid-clause ${midClause} ms`);
    assert.ok(complete > 0 && midClause > 0, 'both turns ended on a pause');
    assert.ok(complete < midClause, `finished ${complete} ms should be shorter than mid-clause ${midClause} ms`);
    assert.ok(midClause <= 3000 + 200, 'never longer than silence_seconds (one 100 ms tick of slack)');
  });

  test('speaking over the greeting stops it within 200 ms, records the answer and stores what was heard', async () => {
    await onFreshPage(browsers.bargeIn, app, 'barge-in', async page => {
      await page.addInitScript(() => sessionStorage.setItem('interview-interrupt-by-speaking', 'true'));
      await started(page);
      const count = await lines(page).count();
      assert.equal(await page.isChecked('#interrupt'), true);
      await page.waitForFunction(() => document.body.dataset.bargeInStopMs, null, { timeout: 30_000 });
      const stopMs = Number(await page.evaluate(() => document.body.dataset.bargeInStopMs));
      console.log(`barge-in: speech onset to the greeting's pause event ${stopMs} ms`);
      assert.equal(await page.getAttribute('#talk', 'aria-pressed'), 'true', 'the answer is being recorded');
      await replied(page, count, 60_000);
      const id = new URL(page.url()).searchParams.get('interview');
      const state = await (await fetch(`${app.url}/session/state/${id}`)).json();
      const greeting = state.conversation_history[0];
      assert.ok(greeting.interrupted_at?.at_ms > 0, JSON.stringify(greeting.interrupted_at));
      assert.ok(greeting.interrupted_at.heard_chars <= greeting.content.length);
      assert.equal(state.conversation_history[1].interrupted_at, null);
      assert.ok(stopMs <= 200, `playback stopped ${stopMs} ms after the candidate started speaking`);
    });
  });
});
