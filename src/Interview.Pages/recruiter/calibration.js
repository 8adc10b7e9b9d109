// Calibration: the AI's scores against the team's reviews (GET /manage/calibration), drawn as bars of exact agreement
// per competency with the figures in a table beside them, and the AI's recommendation against the team's decision.
import { $, el } from '../dom.js';
import { call, show } from './shell.js';

const SVG = 'http://www.w3.org/2000/svg';
const BAR = { height: 22, gap: 8, label: 180, width: 320 };
const percent = value => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);
const figure = (value, digits) => (value === null ? 'n/a' : value.toFixed(digits));

function svg(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One bar per row (competencies, then overall): its length the share of scores the reviewers left as they were. */
function drawChart(rows) {
  const chart = $('calibration-chart');
  const height = rows.length * (BAR.height + BAR.gap);
  chart.setAttribute('viewBox', `0 0 ${BAR.label + BAR.width + 60} ${height}`);
  chart.setAttribute('width', BAR.label + BAR.width + 60);
  chart.replaceChildren(...rows.flatMap((row, i) => {
    const y = i * (BAR.height + BAR.gap);
    const length = Math.round((row.exact_agreement ?? 0) * BAR.width);
    return [
      svg('text', { x: 0, y: y + 16 }, row.competency.replaceAll('_', ' ')),
      svg('rect', { x: BAR.label, y, width: BAR.width, height: BAR.height, class: 'track' }),
      svg('rect', { x: BAR.label, y, width: length, height: BAR.height, class: 'bar' }),
      svg('text', { x: BAR.label + BAR.width + 6, y: y + 16 }, percent(row.exact_agreement)),
    ];
  }));
}

function fillTables(report, rows) {
  $('calibration-table').tBodies[0].replaceChildren(...rows.map(row => el('tr', {},
    el('th', { scope: 'row' }, row.competency.replaceAll('_', ' ')),
    ...[row.reviewed, percent(row.exact_agreement), figure(row.mean_absolute_difference, 2),
      figure(row.quadratic_weighted_kappa, 2)].map(v => el('td', {}, String(v))))));
  const decisions = ['advance', 'hold', 'reject'];
  const recommendations = [...new Set(report.recommendations.map(c => c.recommendation))];
  const count = (r, d) => report.recommendations.find(c => c.recommendation === r && c.decision === d)?.count ?? 0;
  $('calibration-confusion').tBodies[0].replaceChildren(...recommendations.map(r => el('tr', {},
    el('th', { scope: 'row' }, r.replace('_', ' ')), ...decisions.map(d => el('td', {}, String(count(r, d)))))));
}

export async function loadCalibration() {
  const query = new URLSearchParams();
  const [plan, from, to] = ['calibration-plan', 'calibration-from', 'calibration-to'].map(id => $(id).value.trim());
  if (plan) query.set('plan_id', plan);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const { data } = await call({ path: `/manage/calibration?${query}` });
  const rows = [...data.competencies, data.overall];
  $('calibration-summary').textContent = `${data.reviewed} reviewed interview${data.reviewed === 1 ? '' : 's'}.`;
  $('calibration-warning').hidden = !data.small_sample;
  $('calibration-warning').textContent = `Fewer than ${data.small_sample_below} reviewed interviews: `
    + 'these figures can change a lot with the next few reviews.';
  for (const id of ['calibration-chart-figure', 'calibration-table', 'calibration-confusion']) $(id).hidden = data.reviewed === 0;
  drawChart(rows);
  fillTables(data, rows);
}

export async function showCalibration() {
  show('calibration-view');
  await loadCalibration();
}
