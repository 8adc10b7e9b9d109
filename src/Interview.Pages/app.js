// The interview flow: start or resume, answers by voice or text, Retry, End, and the evaluation.
import { $ } from './dom.js';
import { ApiError, awaitEvaluation, newKey, problemText, send, stream } from './api.js';
import { prepareLiveSpeech } from './live-speech.js';
import { offerFairnessQuestions } from './fairness.js';
import { showNotice, wireAlternative } from './notice.js';
import { pushToTalk } from './push-to-talk.js';
import { DEFAULT_SILENCE_SECONDS, silenceSeconds } from './recorder.js';
import { recordAnswer } from './spoken-answer.js';
import { interruptionFields, watchForTurnTaking } from './turn-taking.js';
import { addLine, liveLine, showPhases, showReport, stopPlayback } from './view.js';

const params = new URLSearchParams(location.search);
let interviewId = params.get('interview');
const draftId = `iv-${newKey().replaceAll('-', '').slice(0, 20)}`; // the new interview's id, unless the link names one
// ?plan= names the plan to start with (the default plan otherwise).
// Token mode: a recruiter's link names the interview and carries a join token, which start trades for the session
// token every later call needs. It is kept per tab, so a reload resumes.
const joinToken = params.get('token');
const tokenKey = id => `interview-session-token:${id}`;
let sessionToken = interviewId && sessionStorage.getItem(tokenKey(interviewId));
let shown = 0; // conversation_history entries on the page
let retry = null;
let recorder = null;
let silence = DEFAULT_SILENCE_SECONDS; // the interview's auto-stop period, from session_state
let polling = false;
let busy = false;

function showError(error, again = null) {
  retry = again;
  const { title, detail } = problemText(error);
  $('error-title').textContent = title;
  $('error-detail').textContent = detail;
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
    return failed(error, () => run(request, then));
  }
  setBusy(false);
  then(result.data);
}

// Sending the same again helps after a network error, 408, 429 or 5xx. After a 409 (another turn came first, or the
// interview is over) the state is reloaded instead; any other 4xx would only be refused again.
function failed(error, again) {
  if (error.code === 'not_found' && !shown) $('setup').hidden = false;
  const transient = !error.status || error.status >= 500 || [408, 429].includes(error.status);
  showError(error, error.status === 409 ? reload : transient ? again : null);
}

/**
 * A turn as a stream: the interviewer's words appear as they are written and each sentence plays as soon as it is
 * spoken. If the stream breaks off, the same request (same Idempotency-Key) goes again buffered.
 */
async function runStreamed(request, then) {
  if (busy) return;
  $('error').hidden = true;
  setBusy(true);
  const line = liveLine();
  let data;
  try {
    data = await stream(request, (name, event) => {
      if (name === 'transcript') line.heard(event.text);
      if (name === 'text' && event.reset) line.reset();
      if (name === 'text') line.text(event.delta, event.reset);
      if (name === 'audio') line.audio(event.audio_url, event.text);
    });
  } catch (error) {
    line.finish();
    setBusy(false);
    return error.code === 'stream_broken' ? run(request, then) : failed(error, () => runStreamed(request, then));
  }
  const heard = line.finish();
  setBusy(false);
  then(data, heard);
}

function render(state, live, heard = false) {
  $('setup').hidden = true;
  $('interview').hidden = $('progress').hidden = false;
  state.conversation_history.slice(shown).forEach((turn, i) => addLine(turn, shown + i, live, heard));
  shown = state.conversation_history.length;
  showPhases(state);
  silence = silenceSeconds(state);
  $('silence-seconds').textContent = silence;
  $('answer').hidden = state.status !== 'active';
  if (state.status === 'active' && !$('voice').hidden) prepareLiveSpeech(interviewId, sessionToken);
  $('end').hidden = state.status === 'ended';
  $('status').textContent = {
    concluded: 'The interviewer has finished. Select End interview to see your evaluation.',
    ended: 'The interview has ended.',
  }[state.status] || '';
  if (state.status === 'ended') pollEvaluation();
  // The control in use may have just been hidden (Start, or the answer box at the end): keep keyboard users in place.
  const focused = document.activeElement;
  if (!focused || focused === document.body || focused.closest('[hidden]')) {
    const answerWith = $('voice').hidden ? 'text' : 'talk';
    $({ active: answerWith, concluded: 'end' }[state.status] || 'evaluation-title').focus();
  }
}

const reload = () => run({ path: `/session/state/${interviewId}`, token: sessionToken }, data => render(data, false));

function answer(form, sent) {
  const request = { method: 'POST', path: `/session/turn/${interviewId}`, form, key: newKey(), token: sessionToken };
  runStreamed(request, (data, heard) => { sent?.(); render(data.session_state, true, heard); });
}

async function pollEvaluation() {
  if (polling) return;
  polling = true;
  $('error').hidden = true;
  $('evaluation').hidden = false;
  $('report').textContent = 'Preparing your evaluation…';
  try {
    const ask = () => send({ path: `/session/evaluation/${interviewId}`, token: sessionToken });
    showReport(await awaitEvaluation(ask, { giveUp: 'Retry to keep waiting.' }));
  } catch (error) {
    $('report').textContent = '';
    showError(error, pollEvaluation);
  } finally {
    polling = false;
  }
}

async function talk(stream = null, heard = null) {
  heard ||= interruptionFields(); // the talk button pressed while the interviewer was still speaking
  stopPlayback();
  const form = await recordAnswer({ interviewId, sessionToken, silence, stream, heard, showError,
    recording: r => { recorder = r; } });
  if (form) answer(form);
}

// Without a microphone API (an old browser, or plain http away from localhost) typing is the way to answer.
$('voice').hidden = !(navigator.mediaDevices?.getUserMedia && window.MediaRecorder);
pushToTalk($('talk'), { recording: () => recorder !== null, start: () => busy || talk(), stop: () => recorder.stop() });
watchForTurnTaking({ canInterrupt: () => !busy && recorder === null && !$('answer').hidden && !$('voice').hidden, talk });

$('consent').addEventListener('change', () => { $('start').disabled = !$('consent').checked; });
// A box ticked before this module ran (it loads after the page is shown) counts too.
$('start').disabled = !$('consent').checked;
$('start').addEventListener('click', () => {
  if (!$('consent').checked || busy) return;
  interviewId ||= draftId;
  const url = new URL(location.href);
  url.searchParams.set('interview', interviewId);
  history.replaceState(null, '', url);
  const name = $('name').value.trim();
  const plan = params.get('plan'); // a recruiter's link may name the interview plan
  const json = name || plan ? { ...(name && { candidate_name: name }), ...(plan && { plan_id: plan }) } : undefined;
  run({ method: 'POST', path: `/session/start/${interviewId}`, json, token: joinToken }, data => {
    if (data.session_token) sessionStorage.setItem(tokenKey(interviewId), sessionToken = data.session_token);
    render(data.session_state, true);
    offerFairnessQuestions(interviewId, () => sessionToken);
  });
});
$('send').addEventListener('click', () => {
  const text = $('text').value.trim();
  if (!text) return showError(new ApiError('There is nothing to send.', 'Type an answer first, or use the talk button.'));
  const form = new FormData();
  form.append('text', text);
  answer(form, () => { $('text').value = ''; });
});
$('end').addEventListener('click', () =>
  run({ method: 'DELETE', path: `/session/state/${interviewId}`, token: sessionToken }, data => render(data, true)));
$('retry').addEventListener('click', () => retry?.());
$('think').addEventListener('click', () => recorder?.hold());

wireAlternative({ interviewId: () => interviewId || draftId, joinToken });

// Resume: the id in the URL is the whole client state; the transcript comes back from the server.
// A join token not yet traded means the candidate has not started: consent, and the notice before it, come first.
if (interviewId && !(joinToken && !sessionToken)) {
  $('setup').hidden = true;
  reload();
} else showNotice({ interviewId: interviewId || draftId, plan: params.get('plan'), joinToken });
