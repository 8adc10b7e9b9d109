// axe-core's accessibility rules on a page in the browser test.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

/** axe-core on the page as it is now: fails with every serious or critical violation, naming the view and elements. */
export async function assertAccessible(page, view) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(serious, [], `accessibility of ${view}`);
}
