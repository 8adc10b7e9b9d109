// One spoken answer from the microphone. Ends on stop(), or by itself after a stretch of silence.
const SILENCE_MS = 3000;
const QUIET_RMS = 0.01; // below this level a 2048-sample window counts as silence

export class Recorder {
  #stopped = false;
  #media = null;

  constructor(onTick) {
    this.onTick = onTick;
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
        this.onTick(now - startedAt);
        if (now - lastSound > SILENCE_MS) this.stop();
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

  stop() {
    this.#stopped = true;
    if (this.#media?.state === 'recording') this.#media.stop();
  }
}
