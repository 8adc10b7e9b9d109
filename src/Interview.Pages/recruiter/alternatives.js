// The candidates who asked for another way to interview (GET /manage/alternatives), newest first, with their note.
import { $, el } from '../dom.js';
import { call } from './shell.js';

export async function loadAlternatives() {
  const { data } = await call({ path: '/manage/alternatives' });
  const rows = data.items.map(r => el('tr', {}, el('td', {}, new Date(r.requested_at).toLocaleString()),
    el('td', {}, r.interview_id), el('td', {}, r.plan_id), el('td', {}, r.note ?? '')));
  $('alternatives').tBodies[0].replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colSpan: 4 }, 'No requests.'))]));
}
