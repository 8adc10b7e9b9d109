// Adverse impact (GET /manage/adverse-impact): selection rates and impact ratios by sex, race/ethnicity and both, for the
// team's decisions and the AI's recommendations, with small samples flagged; the same as a CSV to download.
import { $, el, saveFile } from '../dom.js';
import { call, show } from './shell.js';

const share = value => (value === null ? 'n/a' : value.toFixed(2));
const label = category => category.replaceAll('_', ' ');

function query() {
  const params = new URLSearchParams();
  const [plan, from, to] = ['impact-plan', 'impact-from', 'impact-to'].map(id => $(id).value.trim());
  if (plan) params.set('plan_id', plan);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}

function fill(tableId, rows) {
  $(tableId).tBodies[0].replaceChildren(...rows.map(r => el('tr', { className: r.small_sample ? 'small-sample' : '' },
    el('th', { scope: 'row' }, label(r.category)),
    ...[r.candidates, r.advanced, share(r.selection_rate), share(r.impact_ratio), r.ai_selected, share(r.ai_selection_rate),
      share(r.ai_impact_ratio), r.small_sample ? 'yes' : ''].map(v => el('td', {}, String(v))))));
}

export async function loadImpact() {
  const { data } = await call({ path: `/manage/adverse-impact?${query()}` });
  $('impact-summary').textContent = `${data.candidates} candidates; ${data.unknown} told nothing or preferred not to say `
    + `(not in the rates). Categories under ${data.small_sample_below} candidates are flagged and cannot set the highest rate.`;
  fill('impact-sex', data.sex);
  fill('impact-race', data.race_ethnicity);
  fill('impact-both', data.intersectional.filter(r => r.candidates > 0));
  $('impact-tables').hidden = false;
}

export async function downloadImpact() {
  const params = query();
  params.set('format', 'csv');
  const { text } = await call({ path: `/manage/adverse-impact?${params}` });
  saveFile('adverse-impact.csv', text);
}

export async function showImpact() {
  show('impact-view');
  await loadImpact();
}
