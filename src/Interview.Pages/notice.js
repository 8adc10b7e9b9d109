// Before consent: what the candidate must know (an AI conducts and scores the interview, on which competencies, how long
// the data is kept), read from GET /session/notice, and "Request another way to interview" (POST /session/alternative).
import { $, el } from './dom.js';
import { problemText, send } from './api.js';

const retentionText = days => (days > 0
  ? `Your answers, recordings and the evaluation are kept for ${days} days after the interview, then deleted.`
  : 'Your answers, recordings and the evaluation are kept until the hiring team deletes them.');

function requested(at) {
  $('alternative').hidden = true;
  $('alternative-form').hidden = true;
  $('alternative-status').textContent = `Your request for another way to interview was sent on ${new Date(at).toLocaleString()}. `
    + 'The hiring team will contact you; you may still take this interview if you wish.';
}

/** Fills the notice for the interview about to start; the general sentence stays if the details cannot be read. */
export async function showNotice({ interviewId, plan, joinToken }) {
  const query = plan ? `?plan_id=${encodeURIComponent(plan)}` : '';
  try {
    const { data } = await send({ path: `/session/notice/${interviewId}${query}`, token: joinToken });
    $('notice-competencies').replaceChildren(...data.competencies.map(c =>
      el('li', {}, el('strong', {}, c.name.replaceAll('_', ' ')), `: ${c.description}`)));
    $('notice-assessed').hidden = false;
    $('notice-retention').textContent = retentionText(data.retention_days);
    if (data.alternative_requested_at) requested(data.alternative_requested_at);
  } catch (error) {
    $('notice-retention').textContent = problemText(error).detail;
  }
}

/** The request for another way to interview: an optional note, sent once. */
export function wireAlternative({ interviewId, joinToken }) {
  $('alternative').addEventListener('click', () => {
    $('alternative-form').hidden = false;
    $('alternative-note').focus();
  });
  $('alternative-form').addEventListener('submit', async event => {
    event.preventDefault();
    const note = $('alternative-note').value.trim();
    try {
      const { data } = await send({ method: 'POST', path: `/session/alternative/${interviewId()}`, json: note ? { note } : {},
        token: joinToken });
      requested(data.requested_at);
      $('alternative-status').focus();
    } catch (error) {
      $('alternative-status').textContent = `${problemText(error).title}: ${problemText(error).detail}`;
    }
  });
}
