// What a candidate does on the page, waiting on the page's own state rather than on the clock.
import assert from 'node:assert/strict';

export const lines = page => page.locator('#transcript li');

/** Waits for the interviewer's reply (two more lines), or fails at once with the page's error message. */
export async function replied(page, count, timeout = 30_000) {
  await page.waitForFunction(n => document.querySelectorAll('#transcript li').length === n + 2
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
  await page.waitForFunction(s => Number(document.getElementById('elapsed').dataset.seconds) >= s, seconds, { timeout: seconds * 1000 + 20_000 });
  const count = await lines(page).count();
  await page.keyboard.up(' ');
  await replied(page, count, 60_000);
  return lines(page).nth(count);
}
