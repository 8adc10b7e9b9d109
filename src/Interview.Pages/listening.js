// Offline speech listens while the candidate speaks: each chunk of the recording (every 250 ms) goes to the server as it
// is made, the server recognises it as it arrives, and the turn names the stream instead of waiting for the whole
// recording to be transcribed. Anything failing (404 live_listening_unavailable: Azure Speech listens in the page, or the
// server has no ffmpeg; a refused chunk; the network) drops the stream: the turn sends the recording alone, as before.
import { send } from './api.js';

export const CHUNK_MS = 250;
let unavailable = false; // the service said so once: no need to try on every answer

/**
 * A stream for one answer: chunk(blob) as the recorder makes them, then finish() → its stream_id, or null. onWords(text)
 * gets the words recognised so far (a phrase at a time: the server's recogniser finishes one at each pause).
 */
export function startListening({ interviewId, sessionToken, onWords = () => {} }) {
  if (unavailable) return null;
  const streamId = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  let seq = 0;
  let failed = false;
  let sent = Promise.resolve(); // chunks go one after another: the server takes them in order
  return {
    chunk(blob) {
      const n = seq++;
      sent = sent.then(async () => {
        if (failed) return;
        try {
          const path = `/session/listen/${interviewId}?stream_id=${streamId}&seq=${n}`;
          const { data } = await send({ method: 'POST', path, form: blob, token: sessionToken });
          if (data?.words) onWords(data.words);
        } catch (error) {
          failed = true;
          if (error.code === 'live_listening_unavailable') unavailable = true;
        }
      });
    },
    async finish() {
      await sent;
      return failed || seq === 0 ? null : streamId;
    },
  };
}
