// Optional, after consent: the candidate's sex and race/ethnicity for the hiring team's adverse-impact report
// (POST /session/demographics), stored apart from the interview and never shown to the interviewer or the evaluation.
import { $ } from './dom.js';
import { problemText, send } from './api.js';

const doneKey = id => `interview-fairness-done:${id}`;

function close(id, message) {
  sessionStorage.setItem(doneKey(id), '1');
  $('fairness-form').hidden = true;
  $('fairness-status').textContent = message;
}

/** Offers the two questions once per interview; answering or declining hides them. */
export function offerFairnessQuestions(interviewId, sessionToken) {
  if (sessionStorage.getItem(doneKey(interviewId))) return;
  $('fairness').hidden = false;
  $('fairness-skip').onclick = () => close(interviewId, 'Nothing was recorded.');
  $('fairness-form').onsubmit = async event => {
    event.preventDefault();
    const json = { sex: $('fairness-sex').value, race_ethnicity: $('fairness-race').value };
    try {
      await send({ method: 'POST', path: `/session/demographics/${interviewId}`, json, token: sessionToken() });
      close(interviewId, 'Thank you. Your answers are kept apart from your interview.');
    } catch (error) {
      $('fairness-status').textContent = problemText(error).detail;
    }
  };
}
