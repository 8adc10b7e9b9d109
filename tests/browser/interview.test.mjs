// The candidate page in a real Chromium against the built app: a whole interview (typed answers, one spoken answer
// through the fake microphone, a lost reply retried with the same Idempotency-Key, a reload that resumes, the end and
// the evaluation), a page on another origin, and token mode (silence ending a recording: recording.test.mjs). Azurite
// and the apps are started here and stopped at the end, also when a step fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { answers } from './answers.mjs';
import { holdToTalk, lines, loseReplyThenRetry, replied, typeAnswer } from './steps.mjs';
import { onFreshPage } from './fresh-page.mjs';
import { freePort, launchChromium, root, startApp, startAzurite, stop } from './support.mjs';

const SPOKEN = 'I have five years of experience building distributed systems and leading a team';
const scratch = mkdtempSync(join(tmpdir(), 'interview-browser-'));
const ADMIN_KEY = `admin-${randomBytes(12).toString('hex')}`;
let azurite, app, secured, browser;

/** A test on a fresh page (a screenshot and the app's log tail on failure). */
function browserTest(name, steps, context = () => browser) {
  test(name, () => onFreshPage(context(), app, 'interview', steps));
}

describe('interview page', () => {
  before(async () => {
    const wav = join(scratch, 'answer.wav');
    execFileSync('flite', ['-voice', 'slt', '-t', SPOKEN, '-o', wav]); // Chrome loops this file as the microphone
    azurite = await startAzurite();
    // The same app serves a page on http://localhost:<port> that calls http://127.0.0.1:<port>: two origins.
    const port = await freePort();
    // A second app in token mode, as the infra deploys it, on its own table, container and task hub.
    [app, secured] = await Promise.all([
      startApp(azurite.connectionString,
        { Cors__AllowedOrigins: `http://localhost:${port}`, Page__ApiBaseUrl: `http://127.0.0.1:${port}` }, port),
      startApp(azurite.connectionString, { Security__Mode: 'token', Security__SigningKey: randomBytes(32).toString('base64'),
        Security__AdminKey: ADMIN_KEY, Storage__SessionsTable: 'secured', Storage__AudioContainer: 'secured-audio',
        Evaluation__TaskHub: 'secured' }),
    ]);
    browser = await launchChromium(chromium, join(scratch, 'profile'), wav);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await Promise.all([stop(app), stop(secured)]);
    await stop(azurite);
    rmSync(scratch, { recursive: true, force: true });
  });

  browserTest('runs a whole interview: typed and spoken answers, retry, reload, end, evaluation', async page => {
    const starts = [];
    page.on('request', r => r.url().includes('/session/start/') && starts.push(r.url()));
    await page.goto(`${app.url}/`);

    assert.equal(await page.isDisabled('#start'), true, 'start waits for consent');
    await page.check('#consent');
    await page.fill('#name', 'Ada');
    await page.click('#start');
    await lines(page).first().waitFor();
    assert.match(await lines(page).first().textContent(), /Hi Ada/);
    const id = new URL(page.url()).searchParams.get('interview');
    assert.match(id, /^iv-[0-9a-f]{20}$/);
    assert.equal(await page.getAttribute('#phases [aria-current="step"]', 'aria-current'), 'step');
    assert.equal(await page.textContent('#phases [aria-current="step"]'), 'Intro');

    let next = 0;
    await typeAnswer(page, answers[next++]);

    // Spoken, and streamed: hold Space on the talk button for one loop of the fake microphone's recording, then
    // release. The reply comes as a stream: its sentences play as they arrive, before the whole line is in. Offline
    // speech listens while the candidate speaks: the recording goes to /session/listen in chunks as it is made, and the
    // turn names that stream.
    const accepts = [];
    const chunks = [];
    const recordAccept = r => r.url().includes('/session/turn/') && accepts.push(r.headers().accept);
    const recordChunk = async r => r.url().includes('/session/listen/')
      && chunks.push({ url: r.url(), status: (await r.response())?.status() });
    page.on('request', recordAccept);
    page.on('requestfinished', recordChunk);
    const spoken = await holdToTalk(page, 6);
    page.off('request', recordAccept);
    page.off('requestfinished', recordChunk);
    assert.deepEqual(accepts, ['text/event-stream'], 'the turn is asked for as a stream');
    assert.ok(chunks.length >= 4 && chunks.every(c => c.status === 202), `chunks heard while speaking: ${chunks.map(c => c.status)}`);
    // The turn took the stream (one stream, one turn): the chunk that would come next finds none.
    const after = new URL(chunks.at(-1).url);
    after.searchParams.set('seq', String(chunks.length));
    const post = async url => (await fetch(url, { method: 'POST', body: new Uint8Array([1, 2, 3]) })).status;
    const afterTurn = await page.evaluate(post, after.href);
    assert.equal(afterTurn, 409, 'the turn named the stream the server heard, and finished it');
    assert.ok(Number(await page.evaluate(() => document.body.dataset.sentencesPlayed || 0)) >= 1, 'a streamed sentence played');
    assert.equal(await page.locator('#transcript .pending').count(), 0, 'the placeholders gave way to the stored lines');
    assert.match(await spoken.getAttribute('class'), /candidate/);
    const heard = (await spoken.locator('.text').textContent()).trim();
    console.log(`speech-to-text heard: "${heard}"`);
    assert.ok(heard.length > 0 && !heard.startsWith('(no words'), 'the spoken answer has a transcript');
    assert.equal(await spoken.locator('audio').count(), 1, 'the recording is playable');

    // A reply lost on the way back: the server committed the turn, the page saw a 503 problem and the candidate retries.
    const retried = answers[next++];
    const keys = await loseReplyThenRetry(page, retried);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], 'Retry resends the same Idempotency-Key');
    const stored = (await page.locator('#transcript .text').allTextContents()).filter(t => t === retried);
    assert.equal(stored.length, 1, 'the answer is stored once');

    await typeAnswer(page, answers[next++]);

    // Reload mid-interview: the same transcript comes back from GET /session/state, without a second start.
    const transcript = await page.locator('#transcript .text').allTextContents();
    const audios = await page.locator('#transcript audio').count();
    await page.reload();
    await page.waitForFunction(n => document.querySelectorAll('#transcript li').length === n, transcript.length);
    assert.deepEqual(await page.locator('#transcript .text').allTextContents(), transcript);
    assert.equal(await page.locator('#transcript audio').count(), audios);
    assert.notEqual(await page.textContent('#phases [aria-current="step"]'), null);
    assert.equal(new URL(page.url()).searchParams.get('interview'), id);
    assert.equal(starts.length, 1, 'no second start after the reload');
    assert.equal(transcript.filter(t => t.startsWith('Hi Ada')).length, 1, 'one greeting');

    while (await page.isVisible('#answer')) {
      assert.ok(next < answers.length * 2, 'the interviewer concludes');
      await typeAnswer(page, `${answers[next % answers.length]}${next >= answers.length ? ' I can add more detail on that project.' : ''}`);
      next++;
    }
    assert.match(await page.textContent('#status'), /finished/);
    assert.match(await page.textContent('#announcer'), /Thank you, Ada/);
    const interviewerLines = await page.locator('#transcript li.interviewer').count();
    assert.equal(await page.locator('#transcript li.interviewer audio').count(), interviewerLines, 'every interviewer line is spoken');
    assert.equal(await page.locator('#phases li.done').count(), 4);

    await page.click('#end');
    await page.locator('#report .score').waitFor({ timeout: 60_000 });
    assert.match(await page.textContent('#report .score'), /^Overall [1-5] \/ 5 · (Strong no|No|Yes|Strong yes)$/);
    assert.ok(await page.locator('#competencies > li').count() >= 1);
    assert.ok(await page.locator('#competencies blockquote').count() >= 1, 'scores cite the candidate');
    assert.equal(await page.isHidden('#end'), true);

    mkdirSync(join(root, 'artifacts/browser'), { recursive: true });
    await page.screenshot({ path: join(root, 'artifacts/browser/interview.png'), fullPage: true });
    console.log(`${next} typed answers and one spoken answer; transcript of ${await lines(page).count()} lines`);
  });

  browserTest('a page on another origin, driven by keyboard, calls the API its config.json names, never one in the address', async page => {
    const api = `http://127.0.0.1:${app.port}`;
    // A host a crafted link names: it must receive nothing, neither the answers nor a token.
    const decoy = createServer((request, response) => { decoyRequests.push(request.url); response.end(); });
    const decoyRequests = [];
    await new Promise(resolve => decoy.listen(0, '127.0.0.1', resolve));
    try {
      const origins = new Set();
      page.on('request', r => r.url().includes('/session/') && origins.add(new URL(r.url()).origin));
      await page.goto(`http://localhost:${app.port}/?api=${encodeURIComponent(`http://127.0.0.1:${decoy.address().port}`)}`);
      // Keyboard only: consent, past the optional name, start; focus then waits on the talk button.
      await page.focus('#consent');
      await page.keyboard.press(' ');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await lines(page).first().waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'talk');
      await typeAnswer(page, answers[0]);
      assert.deepEqual([...origins], [api], 'every call goes cross-origin to the configured API');
      assert.deepEqual(decoyRequests, [], 'the host in ?api= got nothing');
      assert.equal(await page.isHidden('#error'), true);
    } finally {
      decoy.close();
    }
  });

  browserTest('token mode: a recruiter link with a join token starts, resumes after a reload and reads the report', async page => {
    const link = await fetch(`${secured.url}/manage/interviews/tok-1/join-token`,
      { method: 'POST', headers: { 'X-Admin-Key': ADMIN_KEY } });
    const { join_token: join } = await link.json();
    await page.goto(`${secured.url}/?interview=tok-1&token=${join}`);
    assert.equal(await page.isVisible('#setup'), true, 'consent before anything is sent');
    await page.check('#consent');
    await page.click('#start');
    await lines(page).first().waitFor();
    await typeAnswer(page, answers[1]);
    await page.reload(); // the session token is kept in the tab
    await page.waitForFunction(() => document.querySelectorAll('#transcript li').length === 3);
    await page.click('#end');
    await page.locator('#report .score').waitFor({ timeout: 60_000 });
    assert.equal(await page.isHidden('#error'), true);
  });
});
