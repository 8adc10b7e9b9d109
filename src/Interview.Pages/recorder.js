// One spoken answer from the microphone. Ends on stop(), or by itself after a pause whose length end-of-turn.js picks
// from what the pause follows, never longer than the interview's silence setting; hold() ("let me think") gives one
// more full stretch before that.
import { endOfTurnWait, EnergyTail } from './end-of-turn.js';
import { CHUNK_MS } from './listening.js';

export const DEFAULT_SILENCE_SECONDS = 3;
const QUIET_RMS = 0.01; // below this level a 2048-sample window counts as silence
const LISTENING_AFTER_MS = 700; // a pause shorter than this is part of speaking, not worth an indicator

/** The auto-stop period for a session_state: its silence_seconds (the plan's limits keep it 2 to 30), or the default. */
export function silenceSeconds(state) {
  return Number(state?.silence_seconds) || DEFAULT_SILENCE_SECONDS;
}

export class Recorder {
  #stopped = false;
  #media = null;
  #holdUntil = 0;
  #partialText = '';

  /**
   * onTick(elapsedMs, { listening, holding, remainingMs }) runs ten times a second while recording: listening is true in
   * a pause, remainingMs the time until the pause ends the recording, speaking whether sound is coming in now.
   */
  constructor(onTick, seconds = DEFAULT_SILENCE_SECONDS, onChunk = null) {
    this.onTick = onTick;
    this.silenceMs = seconds * 1000;
    this.onChunk = onChunk; // gets each piece of the recording as it is made (listening.js), when given
  }

  /**
   * Resolves with { blob, heard, pauseMs } when recording ends; heard is false when nothing above the silence level
   * came in, pauseMs is the pause that ended it (null when stopped by hand). stream: a microphone already open (the
   * barge-in watcher's, so the first words are not lost to opening another); it is closed at the end either way.
   */
  async record(stream = null) {
    stream ||= await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AudioContext();
    try {
      const chunks = [];
      this.#media = new MediaRecorder(stream);
      this.#media.ondataavailable = e => {
        if (!e.data.size) return;
        chunks.push(e.data);
        this.onChunk?.(e.data);
      };
      const ended = new Promise(resolve => { this.#media.onstop = resolve; });
      this.#media.start(this.onChunk ? CHUNK_MS : undefined);

      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      const source = context.createMediaStreamSource(stream);
      source.connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const startedAt = performance.now();
      let lastSound = startedAt;
      let heard = false;
      let pauseMs = null;
      const tail = new EnergyTail();
      const stopTail = tail.follow(context, source, QUIET_RMS);
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
        const now = performance.now();
        const speaking = rms > QUIET_RMS;
        if (speaking) { lastSound = now; heard = true; }
        const holding = this.#holdUntil > now;
        const waitMs = endOfTurnWait({ partialText: this.#partialText, thinking: holding, silenceSeconds: this.silenceMs / 1000,
          fallingEnergy: tail.falling });
        const heldUntil = this.#holdUntil ? this.#holdUntil + this.silenceMs : 0;
        const remainingMs = Math.max(lastSound + waitMs, heldUntil) - now;
        this.onTick(now - startedAt, { listening: holding || now - lastSound > LISTENING_AFTER_MS, holding, remainingMs, speaking });
        if (remainingMs <= 0 && !this.#stopped) { pauseMs = Math.round(now - lastSound); this.stop(); }
      }, 100);

      if (this.#stopped) this.stop(); // stop() came while the microphone was still opening
      await ended;
      clearInterval(timer);
      stopTail();
      return { blob: new Blob(chunks, { type: this.#media.mimeType }), heard, pauseMs };
    } finally {
      stream.getTracks().forEach(t => t.stop()); // the browser's microphone indicator goes off between answers
      context.close();
    }
  }

  /** Live recognition's words so far: a pause after a finished sentence then ends the turn sooner than mid-clause. */
  heard(partialText) {
    this.#partialText = partialText || '';
  }

  /** "Let me think": the silence that ends the recording starts counting one full period from now. */
  hold() {
    this.#holdUntil = performance.now() + this.silenceMs;
  }

  stop() {
    this.#stopped = true;
    if (this.#media?.state === 'recording') this.#media.stop();
  }
}
