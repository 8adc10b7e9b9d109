// The interviews list (filters, paging with "More") and candidate links.
import { newKey } from '../api.js';
import { $, el } from '../dom.js';
import { call, say, show } from './shell.js';
import { loadAudit } from './audit.js';
import { loadAlternatives } from './alternatives.js';

let continuation = null;
let opener = () => {};
export const whenOpened = handler => { opener = handler; };

const when = iso => (iso ? new Date(iso).toLocaleString() : '');

function row(item) {
  const open = el('button', { type: 'button', className: 'link' }, item.interview_id);
  open.addEventListener('click', () => opener(item.interview_id));
  const cells = [item.candidate_name || '', item.role, item.plan_id, item.status, when(item.started_at),
    item.overall_score ?? '', item.recommendation ?? ''];
  return el('tr', {}, el('th', { scope: 'row' }, open), ...cells.map(c => el('td', {}, String(c))));
}

function query() {
  const params = new URLSearchParams({ page_size: $('filter-size').value || '20' });
  if ($('filter-status').value) params.set('status', $('filter-status').value);
  if ($('filter-plan').value.trim()) params.set('plan_id', $('filter-plan').value.trim());
  if (continuation) params.set('continuation', continuation);
  return params;
}

/** The first page for the current filters (more: the next page, added below). */
export async function loadInterviews(more = false) {
  if (!more) continuation = null;
  const { data } = await call({ path: `/manage/interviews?${query()}` });
  const rows = data.items.map(row);
  if (more) $('interviews').tBodies[0].append(...rows);
  else $('interviews').tBodies[0].replaceChildren(...rows);
  continuation = data.continuation || null;
  $('more').hidden = !continuation;
  const shown = $('interviews').tBodies[0].rows.length;
  say(shown ? `${shown} interview${shown === 1 ? '' : 's'} shown${continuation ? '; more are available' : ''}.` : 'No interviews match.');
  if (more && rows.length) rows[0].querySelector('button').focus(); // the first new row, not back at the top
}

export async function showInterviews() {
  show('list-view');
  $('link-id').value ||= `iv-${newKey().replaceAll('-', '').slice(0, 20)}`;
  await loadInterviews();
  await loadAlternatives();
  await loadAudit('audit');
}

/** The candidate page's own address (the same site, so the same config.json), with ?interview and ?token as it reads them. */
export function candidateUrl(id, token) {
  const url = new URL('../', location.href);
  url.search = '';
  url.searchParams.set('interview', id);
  url.searchParams.set('token', token);
  return url.href;
}

export async function createLink() {
  const id = $('link-id').value.trim();
  // The plan goes into the signed join token, so the candidate cannot start with another.
  const plan = $('link-plan').value.trim();
  const json = plan ? { plan_id: plan } : undefined;
  const { data } = await call({ method: 'POST', path: `/manage/interviews/${encodeURIComponent(id)}/join-token`, json });
  $('link-url').value = candidateUrl(data.interview_id, data.join_token);
  $('link-expiry').textContent = `The link works until ${when(data.expires_at)}.`;
  $('link').hidden = false;
  $('link-url').focus();
  $('link-url').select();
  say(`Link for ${data.interview_id} created.`);
  await loadAudit('audit');
}

// The clipboard API needs a secure context; elsewhere the link stays selected for Ctrl+C.
export async function copyLink() {
  try {
    await navigator.clipboard.writeText($('link-url').value);
    say('Link copied.');
  } catch {
    $('link-url').select();
    say('The browser did not allow copying: the link is selected, press Ctrl+C.');
  }
}
