// The recruiter page's bulk candidate links: a CSV in, a link per row shown, and the CSV to download with every link.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible } from './axe.mjs';

export async function inviteInBulk(page, planId) {
  await page.click('#nav-interviews');
  await page.fill('#invite-csv', `name,email,plan_id\n"Lovelace, Ada",ada@example.com,${planId}\nGrace Hopper,,${planId}\n`);
  await page.click('#invite-form button[type=submit]');
  await page.locator('#invites tbody tr').nth(1).waitFor();
  assert.equal(await page.locator('#invites tbody tr').count(), 2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#invites-download')]);
  const csv = (await readFile(await download.path(), 'utf8')).split('\r\n');
  assert.equal(csv[0], 'name,email,plan_id,interview_id,link,expires_at');
  const link = 'http[^,]+\\?interview=inv-[0-9a-f]{20}&token=';
  assert.match(csv[1], new RegExp(`^"Lovelace, Ada",ada@example.com,${planId},inv-[0-9a-f]{20},${link}`));
  assert.equal(csv.length, 3);
  await assertAccessible(page, 'the invites');
}
