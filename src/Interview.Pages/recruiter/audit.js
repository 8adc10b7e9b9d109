// The audit trail (GET /manage/audit): who reviewed, erased, saved a plan, created a candidate link, reran an
// evaluation or changed a webhook, newest first; every recent action on the list view, one interview's on its own view.
import { $, el } from '../dom.js';
import { call } from './shell.js';

const ACTIONS = {
  review: 'Reviewed', erase: 'Erased', plan_save: 'Saved plan', candidate_link: 'Created candidate link', rerun: 'Reran evaluation',
  webhook_create: 'Subscribed a webhook', webhook_delete: 'Unsubscribed a webhook', webhook_replay: 'Replayed a webhook delivery',
};

function row(entry) {
  const what = [entry.interview_id && `interview ${entry.interview_id}`, entry.plan_id && `plan ${entry.plan_id}`,
    entry.version != null && `version ${entry.version}`].filter(Boolean).join(', ');
  return el('tr', {}, el('td', {}, new Date(entry.at).toLocaleString()), el('td', {}, entry.actor.name),
    el('td', {}, ACTIONS[entry.action] || entry.action), el('td', {}, what));
}

/** Fills the table with id tableId: the latest actions, or interviewId's. */
export async function loadAudit(tableId, interviewId = null) {
  const params = new URLSearchParams({ page_size: '20' });
  if (interviewId) params.set('interview_id', interviewId);
  const { data } = await call({ path: `/manage/audit?${params}` });
  const rows = data.items.map(row);
  $(tableId).tBodies[0].replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colSpan: 4 }, 'Nothing recorded yet.'))]));
}
