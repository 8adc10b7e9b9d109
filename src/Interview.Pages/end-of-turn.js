// When a pause ends the candidate's turn. A fixed wait either cuts people off mid-thought or leaves dead air after a
// finished answer, so the wait depends on what the pause follows, always within the plan's silence_seconds:
// after a complete sentence a share of it, mid-clause ("and", "because", a comma, "um") or while thinking all of it.

import { THINKING } from './think-aloud.js';

// Shares of silence_seconds. A finished sentence still gets more than half: an interview answer often goes on after a
// full stop, and being cut off costs the candidate more than a second of quiet costs the interview.
export const WAIT_SHARE = { complete: 0.6, unknown: 0.8, midClause: 1, thinking: 1 };
const MIN_WAIT_MS = 1000; // below this even a finished sentence feels snatched

const SENTENCE_END = /[.?!…。？！]["'”’)\]]*\s*$/;
// Words a sentence cannot end on in English: conjunctions, fillers, articles, prepositions, "I".
const OPEN_WORDS = ['and', 'but', 'or', 'so', 'because', 'cause', 'since', 'then', 'which', 'who', 'that', 'if', 'when', 'while',
  'although', 'though', 'like', 'um+', 'uh+', 'er+', 'erm', 'hmm+', 'the', 'a', 'an', 'to', 'of', 'for', 'with', 'in', 'on', 'at',
  'my', 'our', 'their', 'is', 'was', 'were', 'are', 'i'];
const OPEN_ENDING = new RegExp(`(?:[,;:—–-]|\\b(?:${OPEN_WORDS.join('|')})\\b)\\s*$`, 'i');
// think-aloud.js's phrases, when the words so far end with one ("let me think." then silence).
const THINKING_LAST = new RegExp(`${THINKING.source}[.,!…]*\\s*$`, 'i');

/** 'thinking' | 'midClause' | 'complete' | 'unknown' for the words heard so far (null or blank: unknown). */
export function clauseState(partialText) {
  const text = (partialText || '').trim();
  if (!text) return 'unknown';
  if (THINKING_LAST.test(text)) return 'thinking';
  if (SENTENCE_END.test(text)) return 'complete';
  return OPEN_ENDING.test(text) ? 'midClause' : 'unknown';
}

/**
 * How long (ms) a pause may last before the turn ends. partialText: live recognition's words so far, when there is
 * any; thinking: the candidate asked for a moment; fallingEnergy: without words, the voice trailed off (as it does at
 * the end of a statement) rather than stopping short, the energy detector's cue for a complete sentence.
 */
export function endOfTurnWait({ partialText = '', thinking = false, silenceSeconds, fallingEnergy = null }) {
  const boundMs = silenceSeconds * 1000;
  let state = thinking ? 'thinking' : clauseState(partialText);
  if (state === 'unknown' && fallingEnergy !== null) state = fallingEnergy ? 'complete' : 'midClause';
  return Math.min(boundMs, Math.max(MIN_WAIT_MS, Math.round(boundMs * WAIT_SHARE[state])));
}

/**
 * The energy cue: remembers the last half second of voiced windows, and whether the voice faded out before the
 * silence (a statement's end trails off) or stopped while still loud (cut short, most often mid-clause). The middle of
 * the last three windows is judged, so the one window that straddles the edge of the silence cannot decide alone.
 * Measured on flite speech in 10 ms windows every 20 ms: a finished sentence 0.12-0.18 of the recent peak at every
 * phase, the same voice cut mid-word 0.68-0.79; a cut on a soft sound ("s", "f") can still look like a fade.
 */
export class EnergyTail {
  static WINDOWS = 25; // half a second at one window every 20 ms
  static FADED = 0.35; // under this share of the recent peak counts as a fade
  #recent = [];

  /** rms of one window that was above the silence level. */
  voiced(rms) {
    this.#recent.push(rms);
    if (this.#recent.length > EnergyTail.WINDOWS) this.#recent.shift();
  }

  /** null until there was speech; then true when the voice faded out. */
  get falling() {
    if (this.#recent.length < 3) return null;
    const middle = this.#recent.slice(-3).sort((a, b) => a - b)[1];
    return middle < EnergyTail.FADED * Math.max(...this.#recent);
  }

  /**
   * Feeds the tail from a microphone source in short windows (the recorder's own 43 ms window ten times a second is
   * too coarse to see a fade). Returns a function that stops it.
   */
  follow(context, source, quietRms) {
    const analyser = context.createAnalyser();
    analyser.fftSize = 512; // about 10 ms at 48 kHz
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
      if (rms > quietRms) this.voiced(rms);
    }, 20);
    return () => clearInterval(timer);
  }
}
