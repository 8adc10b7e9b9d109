// One spoken answer from the microphone. Ends on stop(), or by itself after a stretch of silence as long as the
// interview's silence setting; hold() ("let me think") gives one more full stretch before that.
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

  /**
   * onTick(elapsedMs, { listening, holding, remainingMs }) runs ten times a second while recording: listening is true in
   * a pause, remainingMs the time until the pause ends the recording.
   */
  constructor(onTick, seconds = DEFAULT_SILENCE_SECONDS) {
    this.onTick = onTick;
    this.silenceMs = seconds * 1000;
  }

  /** Resolves with { blob, heard } when recording ends; heard is false when nothing above the silence level came in. */
  async record() {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AudioContext();
    try {
      const chunks = [];
      this.#media = new MediaRecorder(stream);
      this.#media.ondataavailable = e => e.data.size && chunks.push(e.data);
      const ended = new Promise(resolve => { this.#media.onstop = resolve; });
      this.#media.start();

      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const startedAt = performance.now();
      let lastSound = startedAt;
      let heard = false;
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
        const now = performance.now();
        if (rms > QUIET_RMS) { lastSound = now; heard = true; }
        const holding = this.#holdUntil > now;
        const remainingMs = Math.max(lastSound, this.#holdUntil) + this.silenceMs - now;
        this.onTick(now - startedAt, { listening: holding || now - lastSound > LISTENING_AFTER_MS, holding, remainingMs });
        if (remainingMs <= 0) this.stop();
      }, 100);

      if (this.#stopped) this.stop(); // stop() came while the microphone was still opening
      await ended;
      clearInterval(timer);
      return { blob: new Blob(chunks, { type: this.#media.mimeType }), heard };
    } finally {
      stream.getTracks().forEach(t => t.stop()); // the browser's microphone indicator goes off between answers
      context.close();
    }
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
