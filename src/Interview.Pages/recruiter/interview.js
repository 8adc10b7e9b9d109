// One interview for the recruiter: its transcript with recordings, the candidate's questions, the evaluation with
// the human reviews beside it, a review form, and erasure.
import { awaitEvaluation } from '../api.js';
import { $, el } from '../dom.js';
import { showReport } from '../view.js';
import { call, say, show } from './shell.js';
import { renderReviewForm, renderReviews } from './review.js';
import { loadAudit } from './audit.js';

let current = null; // the interview on screen

export const currentInterview = () => current;
const onScreen = id => current === id && !$('detail-view').hidden;

function turnLine(turn, index) {
  const who = turn.role === 'interviewer' ? 'Interviewer' : 'Candidate';
  // line-N: the report's citations link here (showReport writes #line-N for conversation_history[N]).
  const caption = el('span', { id: `line-${index}`, className: 'text' }, turn.content || '(no words were recognised)');
  const line = el('li', { className: turn.role }, el('span', { className: 'who' }, `${who}:`), caption,
    el('small', { className: 'meta' }, ` ${turn.phase}${turn.action_type ? `, ${turn.action_type}` : ''}`));
  if (turn.audio_url) {
    const audio = el('audio', { controls: true, preload: 'none', src: turn.audio_url });
    audio.setAttribute('aria-label', `${who}, line ${index + 1}, recording`);
    line.append(audio);
  }
  return line;
}

// A question the interviewer passed on is the recruiter's to answer: it stands out, and says so in words too.
function questionItem(q) {
  const passed = q.outcome === 'passed_on';
  return el('li', { className: passed ? 'passed-on' : '' },
    el('strong', {}, passed ? 'Passed on: follow up. ' : 'Answered. '), `“${q.question}”`,
    q.reply ? el('p', { className: 'help' }, `Interviewer: ${q.reply}`) : null,
    el('small', {}, ` (${q.phase}, ${new Date(q.asked_at).toLocaleString()})`));
}

function showState(state) {
  const facts = [['Candidate', state.candidate_name || '(not given)'], ['Role', state.role],
    ['Plan', `${state.plan_id} v${state.plan_version}`], ['Status', state.status],
    ['Started', new Date(state.started_at).toLocaleString()], ['Questions asked', state.questions_asked]];
  $('summary').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
  $('transcript').replaceChildren(...state.conversation_history.map(turnLine));
  const questions = state.candidate_questions || [];
  $('questions').replaceChildren(...(questions.length ? questions.map(questionItem) : [el('li', {}, 'The candidate asked none.')]));
}

/** Polls the report until it is there (202 while it runs), within a deadline; 404 means the interview has not ended. */
async function loadEvaluation(id) {
  $('review-form').hidden = true;
  $('reviews').replaceChildren();
  $('report').textContent = 'Loading the evaluation…';
  let report;
  try {
    report = await awaitEvaluation(() => call({ path: `/session/evaluation/${encodeURIComponent(id)}` }), {
      stopped: () => !onScreen(id), // the recruiter moved on: stop asking
      onPending: data => {
        $('report').textContent = `The evaluation is ${data.status}${data.progress ? ` (${JSON.stringify(data.progress)})` : ''}…`;
      },
      giveUp: 'Open the interview again to keep waiting.',
    });
  } catch (error) {
    if (error.code !== 'evaluation_not_started') throw error;
    $('report').textContent = 'Not evaluated yet: the interview has not ended.';
    return;
  }
  if (report) showEvaluation(report);
}

function showEvaluation(report) {
  showReport(report);
  if (report.status === 'failed') return;
  renderReviews(report.human_review);
  renderReviewForm(report);
  say('The evaluation is ready.');
}

export async function openInterview(id) {
  current = id;
  $('detail-title').textContent = `Interview ${id}`;
  $('confirm-erase').hidden = true;
  ['summary', 'transcript', 'questions', 'report', 'reviews'].forEach(part => $(part).replaceChildren());
  show('detail-view');
  const { data } = await call({ path: `/session/state/${encodeURIComponent(id)}` });
  if (!onScreen(id)) return;
  showState(data);
  await loadAudit('interview-audit', id);
  await loadEvaluation(id);
}

export const reloadEvaluation = async () => {
  await loadAudit('interview-audit', current);
  await loadEvaluation(current);
};

export function askToErase() {
  $('confirm-erase').hidden = false;
  $('erase-yes').focus();
}

export function cancelErase() {
  $('confirm-erase').hidden = true;
  $('erase').focus();
}

/** Erases the interview on screen; resolves with its id once the service answered 204. */
export async function erase() {
  const id = current;
  await call({ method: 'DELETE', path: `/manage/interviews/${encodeURIComponent(id)}` });
  current = null;
  return id;
}
