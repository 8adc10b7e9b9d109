// The recruiter page's Webhooks view against a tracker on loopback: subscribe (the secret shown once), the deliveries of
// the interview's events, verified with that secret, and a replay that sends a message again under the same id.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { assertAccessible } from './axe.mjs';

/** A tracker: records every POST and answers 204. */
export async function startTracker() {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => { body += chunk; }).on('end', () => {
      received.push({ headers: req.headers, body, event: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/hooks`, received, close: () => new Promise(r => server.close(r)) };
}

const signed = (secret, { headers, body }) => headers['webhook-signature'] === `v1,${createHmac('sha256',
  Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
  .digest('base64')}`;

/** Subscribes the tracker to every event; returns the secret the page showed. */
export async function subscribe(page, tracker) {
  await page.click('#nav-webhooks');
  await page.locator('#webhooks-view').waitFor();
  await page.fill('#webhook-url', tracker.url);
  await page.click('#webhook-form button[type=submit]');
  await page.locator('#webhook-secret').waitFor();
  const secret = await page.inputValue('#webhook-secret-value');
  assert.match(secret, /^whsec_/);
  assert.equal(await page.locator('#webhooks tbody tr', { hasText: tracker.url }).count(), 1);
  await assertAccessible(page, 'the webhooks');
  return secret;
}

/** The interview's events arrived signed; the deliveries table shows them delivered; a replay sends one again. */
export async function checkDeliveries(page, tracker, secret, interviewId) {
  const types = () => tracker.received.filter(r => r.event.data.interview_id === interviewId).map(r => r.event.type);
  const deadline = Date.now() + 60_000;
  while (!['interview.started', 'interview.ended', 'evaluation.completed', 'review.recorded'].every(t => types().includes(t))) {
    assert.ok(Date.now() < deadline, `events so far: ${types().join(', ')}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  assert.ok(tracker.received.every(r => signed(secret, r)), 'every message verifies with the secret shown');

  await page.click('#nav-webhooks');
  await page.locator('#webhooks tbody tr', { hasText: tracker.url }).locator('button.link').click();
  await page.locator('#deliveries tbody tr', { hasText: 'review.recorded' }).waitFor();
  const row = page.locator('#deliveries tbody tr', { hasText: 'review.recorded' });
  assert.match(await row.textContent(), /delivered/);
  const before = tracker.received.length;
  await row.locator('button').click();
  await page.waitForFunction(() => document.getElementById('status').textContent.endsWith('is sent again.'));
  while (tracker.received.length === before) await new Promise(resolve => setTimeout(resolve, 100));
  const ids = tracker.received.filter(r => r.event.type === 'review.recorded').map(r => r.headers['webhook-id']);
  assert.equal(new Set(ids).size, 1, 'the replay has the same webhook-id');
  await assertAccessible(page, 'the deliveries');
}
