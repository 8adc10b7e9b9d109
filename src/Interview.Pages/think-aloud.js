// "Let me think" said aloud holds the silence auto-stop. Only the browser's on-device speech recognition listens for it,
// so no candidate audio leaves the device for this; where there is none, the page's "Let me think" button does the same.
export const THINKING =
  /\b(let me (think|see)|give me a (moment|second|sec|minute)|one (moment|second)|just a (moment|second)|hold on|bear with me)\b/i;

/** Calls onThinking whenever the candidate says they need a moment; resolves to a function that stops listening. */
export async function listenForThinking(lang, onThinking) {
  const Recognition = globalThis.SpeechRecognition; // unprefixed: on-device recognition is only in the standard API
  let status = 'unavailable';
  try {
    status = await Recognition?.available?.({ langs: [lang], processLocally: true });
  } catch {
    // a permissions policy may block the check: the button still works
  }
  if (status !== 'available') return () => {};

  const recognition = new Recognition();
  Object.assign(recognition, { lang, processLocally: true, continuous: true, interimResults: true });
  recognition.onresult = e => {
    for (let i = e.resultIndex; i < e.results.length; i++) {
      if (THINKING.test(e.results[i][0].transcript)) onThinking();
    }
  };
  recognition.onerror = () => {}; // the recording goes on without it
  recognition.start();
  return () => recognition.abort();
}
