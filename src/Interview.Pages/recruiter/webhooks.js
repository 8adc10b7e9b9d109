// Webhooks: subscribe a tracker's URL to events (the secret is shown once), each subscription's deliveries with their
// state, attempts and last answer, and a replay of one (POST /manage/webhooks…, docs/webhooks.md).
import { $, el } from '../dom.js';
import { call, guarded, say, show } from './shell.js';

const when = iso => (iso ? new Date(iso).toLocaleString() : '');
let selected = null;

function webhookRow(hook) {
  const open = el('button', { type: 'button', className: 'link', textContent: hook.url });
  open.addEventListener('click', guarded(() => showDeliveries(hook)));
  const remove = el('button', { type: 'button', className: 'secondary', textContent: 'Unsubscribe' });
  remove.setAttribute('aria-label', `Unsubscribe ${hook.url}`);
  remove.addEventListener('click', guarded(() => unsubscribe(hook)));
  return el('tr', {}, el('td', {}, open), el('td', {}, hook.events.join(', ')), el('td', {}, when(hook.created_at)),
    el('td', {}, remove));
}

export async function loadWebhooks() {
  const { data } = await call({ path: '/manage/webhooks' });
  $('webhooks').tBodies[0].replaceChildren(...data.items.map(webhookRow));
  $('webhooks-empty').hidden = data.items.length > 0;
}

export async function showWebhooks() {
  show('webhooks-view');
  $('webhook-secret').hidden = true;
  $('deliveries-section').hidden = true;
  await loadWebhooks();
}

export async function subscribe() {
  const events = [...document.querySelectorAll('input[name="webhook-event"]:checked')].map(box => box.value);
  const { data } = await call({ method: 'POST', path: '/manage/webhooks', json: { url: $('webhook-url').value.trim(), events } });
  $('webhook-secret-value').value = data.secret;
  $('webhook-secret').hidden = false;
  $('webhook-form').reset();
  await loadWebhooks();
  say(`Subscribed ${data.url}. Copy its secret now: it is not shown again.`);
  $('webhook-secret-value').focus();
}

async function unsubscribe(hook) {
  await call({ method: 'DELETE', path: `/manage/webhooks/${hook.id}` });
  if (selected?.id === hook.id) $('deliveries-section').hidden = true;
  await loadWebhooks();
  say(`Unsubscribed ${hook.url}.`);
}

function deliveryRow(hook, delivery) {
  const replay = el('button', { type: 'button', className: 'secondary', textContent: 'Replay' });
  replay.setAttribute('aria-label', `Replay ${delivery.type} of ${delivery.interview_id}`);
  replay.addEventListener('click', guarded(async () => {
    await call({ method: 'POST', path: `/manage/webhooks/${hook.id}/deliveries/${delivery.id}/replay` });
    await showDeliveries(hook);
    say(`${delivery.type} of ${delivery.interview_id} is sent again.`);
  }));
  const answer = delivery.last_error ?? (delivery.last_status ? `HTTP ${delivery.last_status}` : '');
  return el('tr', {}, el('td', {}, when(delivery.created_at)), el('td', {}, delivery.type), el('td', {}, delivery.interview_id),
    el('td', {}, delivery.state), el('td', {}, String(delivery.attempts)), el('td', {}, answer),
    el('td', {}, when(delivery.next_attempt_at)), el('td', {}, replay));
}

export async function showDeliveries(hook) {
  selected = hook;
  const { data } = await call({ path: `/manage/webhooks/${hook.id}/deliveries` });
  $('deliveries-title').textContent = `Deliveries to ${hook.url}`;
  $('deliveries').tBodies[0].replaceChildren(...data.items.map(d => deliveryRow(hook, d)));
  $('deliveries-empty').hidden = data.items.length > 0;
  $('deliveries-section').hidden = false;
  $('deliveries-title').focus();
}

export const refreshDeliveries = () => (selected ? showDeliveries(selected) : Promise.resolve());
