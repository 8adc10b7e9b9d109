// Candidate links in bulk (POST /manage/invites): a CSV pasted or chosen as a file in, a link per candidate out, shown in a
// table and downloadable as a CSV to mail-merge.
import { $, el, saveFile } from '../dom.js';
import { call, say } from './shell.js';
import { candidateUrl } from './interviews.js';

let issued = [];
const cell = value => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export async function chooseInviteFile() {
  const [file] = $('invite-file').files;
  if (file) $('invite-csv').value = await file.text();
}

export async function sendInvites() {
  const { data } = await call({ method: 'POST', path: '/manage/invites', csv: $('invite-csv').value });
  issued = data.items.map(i => ({ ...i, link: candidateUrl(i.interview_id, i.join_token) }));
  $('invites').tBodies[0].replaceChildren(...issued.map(i => el('tr', {}, el('td', {}, i.name), el('td', {}, i.email ?? ''),
    el('td', {}, i.plan_id), el('td', {}, el('a', { href: i.link }, i.interview_id)),
    el('td', {}, new Date(i.expires_at).toLocaleString()))));
  $('invites-result').hidden = false;
  say(`${issued.length} link${issued.length === 1 ? '' : 's'} created.`);
  $('invites-download').focus();
}

export function downloadInvites() {
  const rows = [['name', 'email', 'plan_id', 'interview_id', 'link', 'expires_at'],
    ...issued.map(i => [i.name, i.email ?? '', i.plan_id, i.interview_id, i.link, i.expires_at])];
  const csv = rows.map(row => row.map(v => cell(String(v))).join(',')).join('\r\n');
  saveFile('candidate-links.csv', csv);
}
