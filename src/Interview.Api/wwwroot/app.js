// The interview flow: start or resume, answers by voice or text, Retry, End, and the evaluation.
import { ApiError, newKey, send } from './api.js';
import { pushToTalk } from './push-to-talk.js';
import { Recorder } from './recorder.js';
import { addLine, showPhases, showReport, stopPlayback } from './view.js';

const $ = id => document.getElementById(id);
const EVALUATION_DEADLINE_MS = 180_000;
let interviewId = new URLSearchParams(location.search).get('interview');
let shown = 0; // conversation_history entries on the page
let retry = null;
let recorder = null;
let polling = false;
let busy = false;

function showError(error, again = null) {
  retry = again;
  $('error-title').textContent = error.title || 'Something went wrong.';
  $('error-detail').textContent = error instanceof ApiError ? error.detail : String(error.message || error);
  $('retry').hidden = !again;
  $('error').hidden = false;
}

// While a request is out, controls stay enabled (disabling them would drop keyboard focus) but do nothing.
function setBusy(value) {
  busy = value;
  document.body.setAttribute('aria-busy', value);
  $('status').textContent = value ? 'Waiting for the interviewer…' : '';
}

/** Sends one request; on failure Retry sends the very same one again. */
async function run(request, then) {
  if (busy) return;
  $('error').hidden = true;
  setBusy(true);
  let result;
  try {
    result = await send(request);
  } catch (error) {
    setBusy(false);
    if (error.code === 'not_found' && !shown) $('setup').hidden = false;
    // A 409 (another turn came first, or the interview is over) is not retried: the state is reloaded instead.
    return showError(error, error.status === 409 ? reload : () => run(request, then));
  }
  setBusy(false);
  then(result.data);
}

function render(state, live) {
  $('setup').hidden = true;
  $('interview').hidden = $('progress').hidden = false;
  state.conversation_history.slice(shown).forEach((turn, i) => addLine(turn, shown + i, live));
  shown = state.conversation_history.length;
  showPhases(state);
  $('answer').hidden = state.status !== 'active';
  $('end').hidden = state.status === 'ended';
  $('status').textContent = {
    concluded: 'The interviewer has finished. Select End interview to see your evaluation.',
    ended: 'The interview has ended.',
  }[state.status] || '';
  if (state.status === 'ended') pollEvaluation();
  // The control in use may have just been hidden (Start, or the answer box at the end): keep keyboard users in place.
  const focused = document.activeElement;
  if (!focused || focused === document.body || focused.closest('[hidden]')) {
    $({ active: 'talk', concluded: 'end' }[state.status] || 'evaluation-title').focus();
  }
}

const reload = () => run({ path: `/session/state/${interviewId}` }, data => render(data, false));

function answer(form, sent) {
  const request = { method: 'POST', path: `/session/turn/${interviewId}`, form, key: newKey() };
  run(request, data => { sent?.(); render(data.session_state, true); });
}

async function pollEvaluation() {
  if (polling) return;
  polling = true;
  $('error').hidden = true;
  $('evaluation').hidden = false;
  $('report').textContent = 'Preparing your evaluation…';
  const deadline = Date.now() + EVALUATION_DEADLINE_MS;
  try {
    for (;;) {
      const { status, data, retryAfter } = await send({ path: `/session/evaluation/${interviewId}` });
      if (status === 200) return showReport(data);
      if (Date.now() > deadline) throw new ApiError('The evaluation is taking longer than expected.', 'Retry to keep waiting.');
      await new Promise(resolve => setTimeout(resolve, Math.min(retryAfter || 1, 2) * 1000));
    }
  } catch (error) {
    $('report').textContent = '';
    showError(error, pollEvaluation);
  } finally {
    polling = false;
  }
}

async function talk() {
  const button = $('talk');
  stopPlayback();
  recorder = new Recorder(ms => { $('elapsed').textContent = `${Math.floor(ms / 1000)} s`; $('elapsed').dataset.seconds = Math.floor(ms / 1000); });
  button.setAttribute('aria-pressed', 'true');
  button.textContent = 'Stop recording';
  $('mic').textContent = 'Recording…';
  let result = null;
  try {
    result = await recorder.record();
  } catch (error) {
    showError(new ApiError('The microphone is not available.', `${error.message} You can type your answer instead.`));
  } finally {
    recorder = null;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Hold to talk';
    $('elapsed').textContent = '';
    delete $('elapsed').dataset.seconds;
  }
  $('mic').textContent = result && !result.heard ? 'No speech was heard, so nothing was sent.' : '';
  if (result?.heard) {
    const form = new FormData();
    form.append('audio', result.blob, 'answer');
    answer(form);
  }
}

pushToTalk($('talk'), { recording: () => recorder !== null, start: () => busy || talk(), stop: () => recorder.stop() });

$('consent').addEventListener('change', () => { $('start').disabled = !$('consent').checked; });
$('start').addEventListener('click', () => {
  if (!$('consent').checked || busy) return;
  interviewId = `iv-${newKey().replaceAll('-', '').slice(0, 20)}`;
  const url = new URL(location.href);
  url.searchParams.set('interview', interviewId);
  history.replaceState(null, '', url);
  const name = $('name').value.trim();
  run({ method: 'POST', path: `/session/start/${interviewId}`, json: name ? { candidate_name: name } : undefined },
    data => render(data.session_state, true));
});
$('send').addEventListener('click', () => {
  const text = $('text').value.trim();
  if (!text) return showError(new ApiError('There is nothing to send.', 'Type an answer first, or use the talk button.'));
  const form = new FormData();
  form.append('text', text);
  answer(form, () => { $('text').value = ''; });
});
$('end').addEventListener('click', () => run({ method: 'DELETE', path: `/session/state/${interviewId}` }, data => render(data, true)));
$('retry').addEventListener('click', () => retry?.());

// Resume: the id in the URL is the whole client state; the transcript comes back from the server.
if (interviewId) {
  $('setup').hidden = true;
  reload();
}
