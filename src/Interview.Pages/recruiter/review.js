// A person's review beside the AI's evaluation: what was recorded so far, and the form for a new one. The rules
// (decision, score range, a reason per override) are the server's: its 400 lists every problem at once.
import { $, el } from '../dom.js';
import { call } from './shell.js';

const DECISIONS = { advance: 'Advance', hold: 'Hold', reject: 'Reject' };

function reviewText(recorded) {
  const { decision, reviewer, note, overrides } = recorded.review;
  return el('div', { className: 'review' },
    el('p', {}, el('strong', {}, DECISIONS[decision] || decision), ` by ${reviewer}, ${new Date(recorded.at).toLocaleString()}`,
      ` (evaluation version ${recorded.evaluation_version})`),
    overrides.length ? el('ul', {}, ...overrides.map(o => el('li', {}, `${o.competency}: ${o.score} / 5, ${o.reason}`))) : null,
    note ? el('p', {}, note) : null);
}

/** human_review: {latest, history}, the history oldest first. */
export function renderReviews(humanReview) {
  const history = humanReview?.history || [];
  const earlier = history.length > 1
    ? [el('details', {}, el('summary', {}, 'Earlier reviews'), ...history.slice(0, -1).reverse().map(reviewText))]
    : [];
  $('reviews').replaceChildren(el('h3', {}, 'Human review'), ...(history.length
    ? [el('p', {}, `Latest of ${history.length}:`), reviewText(humanReview.latest), ...earlier]
    : [el('p', {}, 'No one has reviewed this interview yet.')]));
}

/** One override row per competency the report scored: a score (or the AI's) and the reason for a different one. */
export function renderReviewForm(report) {
  $('overrides').replaceChildren(el('legend', {}, 'Score overrides (optional)'), ...report.competencies.map((c, i) => {
    const score = el('select', { id: `override-score-${i}`, name: c.name },
      el('option', { value: '' }, `Keep the AI's ${c.score}`), ...[1, 2, 3, 4, 5].map(n => el('option', { value: String(n) }, String(n))));
    const reason = el('input', { id: `override-reason-${i}`, maxLength: 1000, size: 40 });
    return el('p', { className: 'override' },
      el('label', { htmlFor: score.id }, `${c.name} score`), ' ', score, ' ',
      el('label', { htmlFor: reason.id }, 'Reason'), ' ', reason);
  }));
  $('review-form').reset();
  $('review-form').hidden = false;
}

export async function submitReview(id) {
  const overrides = [...$('overrides').querySelectorAll('.override')]
    .map(row => ({ select: row.querySelector('select'), reason: row.querySelector('input') }))
    .filter(({ select }) => select.value)
    .map(({ select, reason }) => ({ competency: select.name, score: Number(select.value), reason: reason.value.trim() }));
  const json = {
    decision: $('review-form').querySelector('input[name="decision"]:checked')?.value ?? '',
    overrides,
    note: $('note').value.trim() || null,
  }; // no reviewer: the service records who signed in
  return (await call({ method: 'POST', path: `/manage/interviews/${encodeURIComponent(id)}/review`, json })).data;
}
