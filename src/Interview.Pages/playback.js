// What the interviewer has said aloud so far in the line now playing: each sentence's audio registers here with its
// text, so when the candidate speaks over it the page can tell the server how much was heard (ms and characters).

const segments = []; // { audio, text }, in the order they play
const listeners = new Set();

/** A new interviewer line begins: forget the last one's sentences. */
export function beginLine() {
  segments.length = 0;
}

/** One clip of the line (a sentence, or the whole line) with the words it speaks. */
export function addClip(audio, text) {
  segments.push({ audio, text: text || '' });
  for (const event of ['playing', 'pause', 'ended']) {
    audio.addEventListener(event, () => listeners.forEach(listener => listener(event === 'playing')));
  }
}

/** Calls listener(true) whenever a clip of the interviewer's starts playing, listener(false) when one stops. */
export function onInterviewerSpeaking(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const interviewerSpeaking = () => segments.some(({ audio }) => !audio.paused && !audio.ended);

/**
 * How much of the line has played: whole clips that ended, plus the part of the one playing. Characters of a clip
 * part-way through are counted in proportion to its time: an estimate, but never more than the clip's own text.
 */
export function heardSoFar() {
  let ms = 0;
  let chars = 0;
  for (const { audio, text } of segments) {
    const played = audio.ended ? 1 : audio.duration > 0 ? Math.min(1, audio.currentTime / audio.duration) : 0;
    if (!audio.ended && !audio.currentTime) break;
    ms += (audio.ended ? audio.duration : audio.currentTime) * 1000;
    chars += Math.floor(text.length * played) + (audio.ended && text ? 1 : 0); // the space that joins sentences
  }
  return { ms: Math.round(ms), chars };
}

/** Pauses the line; resolves with the time (performance.now()) the browser reported it paused, null if nothing played. */
export function stopAll() {
  const playing = segments.map(s => s.audio).filter(audio => !audio.paused && !audio.ended);
  const paused = !playing.length ? Promise.resolve(null)
    : new Promise(resolve => playing[0].addEventListener('pause', () => resolve(performance.now()), { once: true }));
  segments.forEach(({ audio }) => audio.pause());
  return paused;
}
