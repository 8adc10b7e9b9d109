// Live recognition with Azure AI Speech in a real Chromium: Chrome's fake microphone speaks, the page streams it with
// the vendored Speech SDK to a loopback fake of the service (tests/browser/azure-speech-fake.mjs), shows the partial
// words while the candidate is still speaking, and at the end of speech sends the final phrase as the turn's transcript
// together with the recording. The app stores both and never calls speech-to-text itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { STS_TOKEN, startAzureSpeechFake } from './azure-speech-fake.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { lines, replied } from './steps.mjs';
import { launchChromium, startApp, startAzurite, stop } from './support.mjs';

const SPOKEN = 'I scaled our Kubernetes cluster and cut the latency of checkout by half';
const FINAL = 'I scaled our Kubernetes cluster and cut the latency of checkout by half.';
const KEY = 'speech-key-for-the-fake';
const scratch = mkdtempSync(join(tmpdir(), 'interview-live-'));
let azurite, speech, app, browser;

/** Releases the talk button; how long until the candidate's words show in the transcript, then waits for the reply. */
async function release(page) {
  const count = await lines(page).count();
  const candidates = await page.locator('#transcript li.candidate').count();
  const releasedAt = Date.now();
  await page.keyboard.up(' ');
  await page.waitForFunction(n => document.querySelectorAll('#transcript li.candidate').length > n, candidates, { timeout: 30_000 });
  const heardMs = Date.now() - releasedAt;
  await replied(page, count, 60_000);
  return { count, releasedAt, heardMs };
}

describe('live speech with Azure AI Speech', () => {
  before(async () => {
    const wav = join(scratch, 'answer.wav');
    execFileSync('flite', ['-voice', 'slt', '-t', SPOKEN, '-o', wav]); // Chrome loops this file as the microphone
    [azurite, speech] = await Promise.all([startAzurite(), startAzureSpeechFake(FINAL, KEY)]);
    app = await startApp(azurite.connectionString, {
      Speech__Provider: 'azure', AzureSpeech__ApiKey: KEY, AzureSpeech__SttEndpoint: speech.url, AzureSpeech__TtsEndpoint: speech.url,
      AzureSpeech__RecognitionHost: speech.host, AzureSpeech__OutputFormat: 'riff-16khz-16bit-mono-pcm',
    });
    browser = await launchChromium(chromium, join(scratch, 'profile'), wav);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stop(app);
    await Promise.all([stop(azurite), speech?.close()]);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('shows the words while the candidate speaks and sends the final phrase with the recording', t =>
    onFreshPage(browser, app, 'live-speech', async page => {
      // The turn's form as the page built it (a request's multipart body with a Blob is not visible to the test).
      await page.addInitScript(() => {
        const fetch = window.fetch;
        window.sentTurns = [];
        window.fetch = (url, init) => {
          if (String(url).includes('/session/turn/') && init?.body instanceof FormData) {
            window.sentTurnAt = Date.now();
            window.sentTurns.push(Object.fromEntries([...init.body.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : v.size])));
          }
          return fetch(url, init);
        };
      });
      await page.goto(`${app.url}/`);
      await page.check('#consent');
      await page.click('#start');
      await lines(page).first().waitFor();
      // Loaded with the interview, before the first answer: recognition starts with the candidate's first word.
      await page.waitForFunction(() => window.SpeechSDK, null, { timeout: 10_000 });

      await page.focus('#talk');
      await page.keyboard.down(' ');
      // Partial words on the page while the button is still held: the candidate has not finished speaking.
      const partial = await page.waitForFunction(() => {
        const words = document.getElementById('live-words');
        return !words.hidden && words.textContent.split(' ').length >= 3
          && document.getElementById('talk').getAttribute('aria-pressed') === 'true' && words.textContent;
      }, null, { timeout: 30_000 }).then(handle => handle.jsonValue());
      assert.ok(FINAL.startsWith(partial) && partial.length < FINAL.length, `a partial guess, not the final phrase: ${partial}`);
      assert.equal(speech.audioEnds.length, 0, 'the words showed before the end of the audio');
      await page.waitForFunction(() => Number(document.getElementById('elapsed').dataset.seconds) >= 2, null, { timeout: 20_000 });
      const { count, releasedAt, heardMs } = await release(page);
      const sentAfter = await page.evaluate(() => window.sentTurnAt) - releasedAt;
      t.diagnostic(`live: release → turn sent ${sentAfter} ms (final phrase 250 ms after the audio), `
        + `→ words on the page ${heardMs} ms`);

      const candidate = lines(page).nth(count);
      assert.equal(await candidate.locator('.text').textContent(), FINAL);
      assert.equal(await page.isHidden('#live-words'), true, 'the live words give way to the stored line');
      const [turn, ...more] = await page.evaluate(() => window.sentTurns);
      assert.equal(more.length, 0);
      assert.equal(turn.transcript, FINAL);
      assert.ok(turn.audio > 1000, 'the recording goes with it');
      assert.equal(speech.transcriptions, 0, 'the app did not transcribe the recording again');

      const recording = await candidate.locator('audio').getAttribute('src');
      const stored = await page.request.get(recording);
      assert.equal(stored.status(), 200);
      assert.ok((await stored.body()).length > 1000, 'the recording is stored for the record');

      assert.deepEqual(speech.sts, [KEY], 'one token from the token service, with the key the app holds');
      const socket = speech.sockets.at(-1);
      assert.equal(socket.get('Authorization'), `Bearer ${STS_TOKEN}`, 'the browser holds only the token service\'s token');
      assert.equal(socket.get('language'), 'en-US');
      assert.match(JSON.stringify(speech.contexts), /Kubernetes/, 'the plan\'s phrase list reached the service');
      assert.ok(speech.hypotheses >= 2);
    }));

  test('falls back to the recording alone when recognition cannot connect', t =>
    onFreshPage(browser, app, 'live-speech-fallback', async page => {
      speech.refuseSockets = true;
      const before = speech.transcriptions;
      try {
        await page.goto(`${app.url}/`);
        await page.check('#consent');
        await page.click('#start');
        await lines(page).first().waitFor();
        await page.focus('#talk');
        await page.keyboard.down(' ');
        await page.waitForFunction(() => Number(document.getElementById('elapsed').dataset.seconds) >= 2, null, { timeout: 20_000 });
        const { count, heardMs } = await release(page);
        t.diagnostic(`buffered (server STT 600 ms): release → words on the page ${heardMs} ms`);
        const candidate = lines(page).nth(count);
        assert.equal(await candidate.locator('.text').textContent(), 'transcribed on the server');
        assert.equal(speech.transcriptions, before + 1, 'the server transcribed the recording, as without live speech');
      } finally {
        speech.refuseSockets = false;
      }
    }));
});
