// Plans: the list, a draft from a job description, and an editor over the plan's JSON (load, edit, save).
import { ApiError } from '../api.js';
import { $, el } from '../dom.js';
import { call, guarded, say, show } from './shell.js';

const SOURCES = { built_in: 'Built in', stored: 'Saved' };

function planRow(plan) {
  const edit = el('button', { type: 'button', className: 'link' }, plan.plan_id);
  edit.setAttribute('aria-label', `Edit ${plan.plan_id}`);
  edit.addEventListener('click', guarded(() => loadPlan(plan.plan_id)));
  return el('tr', {}, el('th', { scope: 'row' }, edit),
    ...[plan.role, SOURCES[plan.source] || plan.source, plan.latest_version].map(v => el('td', {}, String(v))));
}

async function listPlans() {
  const { data } = await call({ path: '/manage/plans' });
  $('plans').tBodies[0].replaceChildren(...data.items.map(planRow));
}

export async function showPlans() {
  show('plans-view');
  await listPlans();
}

function edit(plan, message) {
  $('plan-json').value = JSON.stringify(plan, null, 2);
  $('plan-json').focus();
  $('plan-json').setSelectionRange(0, 0); // at the top of the plan, not past its end
  $('plan-json').scrollTop = 0;
  say(message);
}

export async function loadPlan(planId) {
  const { data, headers } = await call({ path: `/manage/plans/${encodeURIComponent(planId)}` });
  const version = headers.get('X-Plan-Version');
  const builtIn = version === '0' ? ': built in, so save your edit under an id of its own' : '';
  edit(data, `Plan ${planId} version ${version} is in the editor${builtIn}.`);
}

export async function draftPlan() {
  const json = { job_description: $('job-description').value };
  if ($('draft-role').value.trim()) json.role = $('draft-role').value.trim();
  if ($('draft-seniority').value) json.seniority = $('draft-seniority').value;
  say('Drafting…');
  const { data, headers } = await call({ method: 'POST', path: '/manage/plans/draft', json });
  const source = headers.get('X-Plan-Draft-Source') === 'model' ? 'by the model' : 'offline';
  edit(data, `Drafted plan ${data.id} (${source}); it is not saved yet.`);
}

export async function savePlan() {
  let plan;
  try {
    plan = JSON.parse($('plan-json').value);
  } catch (error) {
    throw new ApiError('The plan is not valid JSON.', error.message);
  }
  const { data } = await call({ method: 'POST', path: '/manage/plans', json: plan });
  say(`Saved plan ${data.plan_id} as version ${data.version}.`);
  await listPlans();
}
