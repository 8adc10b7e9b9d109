// A test's page, and what it leaves for whoever reads a failure in the CI output.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support.mjs';

/** Runs steps on a fresh page. On failure: artifacts/browser/<name>-failure.png and the end of the app's log in the error. */
export async function onFreshPage(context, app, name, steps) {
  const page = await context.newPage();
  try {
    await steps(page);
  } catch (error) {
    mkdirSync(join(root, 'artifacts/browser'), { recursive: true });
    await page.screenshot({ path: join(root, `artifacts/browser/${name}-failure.png`), fullPage: true }).catch(() => {});
    error.message += `\n--- app log (tail) ---\n${app.output.slice(-4000)}`;
    throw error;
  } finally {
    await page.close();
  }
}
