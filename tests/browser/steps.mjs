// What a candidate does on the page, waiting on the page's own state rather than on the clock.
import assert from 'node:assert/strict';

// Settled lines only: a streamed reply shows placeholder lines (.pending) until it is done.
export const lines = page => page.locator('#transcript li:not(.pending)');

/** Waits for the interviewer's reply (two more lines), or fails at once with the page's error message. */
export async function replied(page, count, timeout = 30_000) {
  await page.waitForFunction(n => document.querySelectorAll('#transcript li:not(.pending)').length === n + 2
    || !document.getElementById('error').hidden, count, { timeout });
  assert.equal(await page.isHidden('#error'), true, await page.textContent('#error'));
}

export async function typeAnswer(page, text) {
  const count = await lines(page).count();
  await page.fill('#text', text);
  await page.click('#send');
  await replied(page, count);
}

/** Holds Space on the talk button for a number of seconds of recording; returns the candidate line it added. */
export async function holdToTalk(page, seconds) {
  await page.focus('#talk');
  await page.keyboard.down(' ');
  await page.waitForFunction(s => Number(document.getElementById('elapsed').dataset.seconds) >= s, seconds,
    { timeout: seconds * 1000 + 20_000 });
  const count = await lines(page).count();
  await page.keyboard.up(' ');
  await replied(page, count, 60_000);
  return lines(page).nth(count);
}

/** Waits until a recording is in a pause: the page shows it is still listening. */
export async function listening(page) {
  await page.waitForFunction(() => document.getElementById('mic').textContent === 'Still listening…', null, { timeout: 30_000 });
}

/** Waits for the sound after a pause; fails if the pause ended the recording instead. */
export async function speakingAgain(page) {
  await page.waitForFunction(() => document.getElementById('mic').textContent === 'Recording…'
    || document.getElementById('talk').getAttribute('aria-pressed') === 'false', null, { timeout: 30_000 });
  assert.equal(await page.getAttribute('#talk', 'aria-pressed'), 'true', 'the pause ended the recording');
}

/**
 * Sends a typed answer whose reply is lost: the request reaches the server, the page gets a 503 problem instead.
 * Checks the message, presses Retry, waits for the reply; returns the Idempotency-Key of both requests.
 */
export async function loseReplyThenRetry(page, text) {
  const keys = [];
  const record = r => r.url().includes('/session/turn/') && keys.push(r.headers()['idempotency-key']);
  page.on('request', record);
  await page.route('**/session/turn/**', async route => {
    await route.fetch();
    await route.fulfill({ status: 503, contentType: 'application/problem+json',
      body: JSON.stringify({
        status: 503, title: 'Speech-to-text unavailable', detail: 'Try again in a moment.', code: 'speech_unavailable',
      }) });
  }, { times: 1 });
  const count = await lines(page).count();
  await page.fill('#text', text);
  await page.click('#send');
  await page.locator('#error').waitFor();
  assert.equal(await page.textContent('#error-title'), 'Speech-to-text unavailable');
  assert.equal(await page.textContent('#error-detail'), 'Try again in a moment.');
  await page.click('#retry');
  await replied(page, count);
  page.off('request', record);
  return keys;
}
