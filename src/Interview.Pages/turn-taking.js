// Turn-taking on the candidate page: who has the floor (the interviewer speaking, the candidate speaking, a pause
// the page is listening through, the candidate thinking), and barge-in when the candidate asks for it.
import { $ } from './dom.js';
import { watchForBargeIn } from './barge-in.js';
import { heardSoFar, interviewerSpeaking, onInterviewerSpeaking } from './playback.js';

const INTERRUPT_KEY = 'interview-interrupt-by-speaking';

/** The state the #mic status shows, as data for styling and tests; its text always says it in words. */
export function showTurnState(state) {
  $('mic').dataset.state = state;
}

/**
 * The barge-in fields for a turn that begins while the interviewer is still speaking (null otherwise). heard_chars
 * never exceeds the line's text: the server refuses more, and a proportion of a clip is only an estimate.
 */
export function interruptionFields(heard = interviewerSpeaking() ? heardSoFar() : null) {
  if (!heard) return null;
  const line = [...document.querySelectorAll('#transcript li.interviewer .text')].at(-1)?.textContent || '';
  return { interrupted_at_ms: String(heard.ms), heard_chars: String(Math.min(heard.chars, line.length)) };
}

/**
 * Listens over the interviewer only when the candidate has said so (the #interrupt box, remembered per tab): an open
 * microphone outside an answer is the candidate's call. talk(stream, fields) starts the answer on that microphone.
 */
export function watchForTurnTaking({ canInterrupt, talk }) {
  const box = $('interrupt');
  if (!box) return;
  box.checked = sessionStorage.getItem(INTERRUPT_KEY) === 'true';
  box.addEventListener('change', () => {
    sessionStorage.setItem(INTERRUPT_KEY, String(box.checked));
    arm();
  });
  onInterviewerSpeaking(speaking => {
    if (speaking && canInterrupt()) {
      showTurnState('interviewer');
      $('mic').textContent = box.checked ? 'The interviewer is speaking. Start talking to interrupt.' : 'The interviewer is speaking.';
    } else if (!speaking && !interviewerSpeaking() && $('mic').dataset.state === 'interviewer') {
      showTurnState('');
      $('mic').textContent = '';
    }
  });
  const arm = watchForBargeIn({
    canInterrupt: () => box.checked && canInterrupt(),
    onBargeIn: ({ stream, heard }) => talk(stream, interruptionFields(heard)),
  });
}
