// One spoken answer: the microphone recorded until the end of turn, the words heard while it is spoken (live in the
// page with Azure Speech, or by the server as the chunks arrive offline), "let me think" holds, and what the candidate
// sees meanwhile (listening / thinking / speaking, the time, the countdown to sending).
import { $ } from './dom.js';
import { ApiError } from './api.js';
import { startLiveSpeech } from './live-speech.js';
import { startListening } from './listening.js';
import { Recorder } from './recorder.js';
import { listenForThinking } from './think-aloud.js';
import { showTurnState } from './turn-taking.js';

/** While recording: the time so far, and in a pause a visible "still listening" with the time until it sends. */
function showRecording(ms, { listening, holding, remainingMs }) {
  showTurnState(holding ? 'thinking' : listening ? 'listening' : 'speaking');
  $('elapsed').textContent = `${Math.floor(ms / 1000)} s`;
  $('elapsed').dataset.seconds = Math.floor(ms / 1000);
  const mic = holding ? 'Still listening. Take your time.' : listening ? 'Still listening…' : 'Recording…';
  if ($('mic').textContent !== mic) $('mic').textContent = mic; // a status region: announce changes only
  const remaining = Math.ceil(remainingMs / 1000);
  $('countdown').textContent = listening && !holding ? `sends in ${remaining} s` : '';
  $('countdown').dataset.remaining = remaining;
}

/**
 * Records one spoken answer and resolves with the turn's form (the recording, the words heard live in the page or the
 * stream the server heard, and the barge-in fields in heard), or null when nothing was said. recording(r) gets the
 * Recorder while it runs and null after, so the talk button and the "let me think" control can reach it.
 */
export async function recordAnswer({ interviewId, sessionToken, silence, stream, heard, showError, recording }) {
  const button = $('talk');
  const showWords = text => { $('live-words').hidden = !text; $('live-words').textContent = text; };
  // Live words show as they come and tell the end-of-turn rule what the pause follows (a sentence, or mid-clause).
  const onWords = text => { showWords(text); recorder?.heard(text); };
  // Offline speech hears the chunks as they are recorded (null once the server said it does not listen that way).
  const listening = startListening({ interviewId, sessionToken, onWords });
  let recorder = new Recorder(showRecording, silence, listening && (chunk => listening.chunk(chunk)));
  recording(recorder);
  const hold = () => recorder?.hold();
  const stopListening = listenForThinking(document.documentElement.lang || navigator.language, hold);
  button.setAttribute('aria-pressed', 'true');
  button.textContent = 'Stop recording';
  $('mic').textContent = 'Recording…';
  $('think').hidden = false;
  const live = startLiveSpeech({ interviewId, sessionToken, onWords }); // null without Azure Speech
  let result = null;
  let recognised = null;
  let streamId = null;
  try {
    result = await recorder.record(stream);
  } catch (error) {
    showError(new ApiError('The microphone is not available.', `${error.message} You can type your answer instead.`));
  } finally {
    recorder = null;
    recording(null);
    recognised = await (await live)?.finish();
    streamId = recognised ? null : await listening?.finish();
    showWords('');
    (await stopListening)();
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Hold to talk';
    $('think').hidden = true;
    $('elapsed').textContent = $('countdown').textContent = '';
    delete $('elapsed').dataset.seconds;
    delete $('countdown').dataset.remaining;
    showTurnState('');
  }
  if (result?.pauseMs) document.body.dataset.endOfTurnPauseMs = String(result.pauseMs); // the pause that ended it
  $('mic').textContent = result && !result.heard ? 'No speech was heard, so nothing was sent.' : '';
  if (!result?.heard) return null;
  const form = new FormData();
  form.append('audio', result.blob, 'answer');
  if (recognised) form.append('transcript', recognised); // heard live: the server keeps the recording, skips STT
  if (streamId) form.append('stream_id', streamId); // heard by the server as it was recorded: its words are ready
  for (const [name, value] of Object.entries(heard || {})) form.append(name, value);
  return form;
}
