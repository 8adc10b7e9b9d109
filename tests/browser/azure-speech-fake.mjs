// A loopback Azure AI Speech for the browser tests: the REST endpoints the app calls (token service, fast transcription,
// synthesis) and the WebSocket protocol the Speech SDK for JavaScript speaks for recognition. Text frames are
// "Path: …" headers, a blank line and a JSON body; binary frames are a 2-byte big-endian header length, the headers, and
// audio. While audio arrives it answers turn.start, speech.startDetected and speech.hypothesis (one more word of the
// final phrase each ~0.3 s of audio); ~250 ms after the end of the audio (an audio frame without a body), speech.phrase,
// speech.endDetected and turn.end, as the service does.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

export const STS_TOKEN = 'sts-token-from-the-fake';
const RECOGNITION_PATH = '/speech/recognition/conversation/cognitiveservices/v1';
const BYTES_PER_WORD = 16_000 * 2 * 0.3; // 16 kHz 16-bit mono PCM, as the SDK sends the microphone
const FINAL_AFTER_MS = 250;
const TRANSCRIPTION_MS = 600;
const TICKS_PER_MS = 10_000; // offsets and durations are in 100 ns ticks

/** A WAV of 0.2 s of silence: what "synthesis" returns, so that the page has something playable. */
function silentWav() {
  const data = Buffer.alloc(16_000 * 2 * 0.2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22); header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34); header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function parseHeaders(text) {
  return Object.fromEntries(text.split('\r\n').filter(Boolean).map(line => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  }));
}

function message(path, requestId, body) {
  return `Path: ${path}\r\nX-RequestId: ${requestId}\r\nContent-Type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}`;
}

/** One recognition connection: a turn per request id, partial words while audio flows, the phrase after its end. */
function recognise(socket, finalPhrase, speech) {
  const words = finalPhrase.split(' ');
  let turn = null;
  socket.on('message', (data, isBinary) => {
    if (!isBinary) {
      const text = data.toString();
      const split = text.indexOf('\r\n\r\n');
      const headers = parseHeaders(text.slice(0, split));
      if (headers.path === 'speech.context') speech.contexts.push(JSON.parse(text.slice(split + 4)));
      return;
    }
    const headerLength = data.readInt16BE(0);
    const headers = parseHeaders(data.subarray(2, 2 + headerLength).toString());
    const audio = data.length - 2 - headerLength;
    const requestId = headers['x-requestid'];
    if (turn?.requestId !== requestId) {
      turn = { requestId, bytes: 0, said: 0, ended: false };
      socket.send(message('turn.start', requestId, { context: { serviceTag: 'fake' } }));
    }
    if (audio === 0) return finish(turn);
    if (turn.bytes === 0) socket.send(message('speech.startDetected', requestId, { Offset: 0 }));
    turn.bytes += audio;
    const due = Math.min(words.length - 1, Math.floor(turn.bytes / BYTES_PER_WORD));
    if (due > turn.said) {
      turn.said = due;
      speech.hypotheses++;
      socket.send(message('speech.hypothesis', requestId, { Text: words.slice(0, due).join(' '), Offset: 0, Duration: ticks(turn) }));
    }
  });

  function finish(ended) {
    if (ended.ended) return;
    ended.ended = true;
    speech.audioEnds.push(Date.now());
    setTimeout(() => {
      const { requestId } = ended;
      socket.send(message('speech.phrase', requestId,
        { RecognitionStatus: 'Success', DisplayText: finalPhrase, Offset: 0, Duration: ticks(ended) }));
      socket.send(message('speech.endDetected', requestId, { Offset: ticks(ended) }));
      socket.send(message('turn.end', requestId, {}));
    }, FINAL_AFTER_MS);
  }
}

const ticks = turn => Math.round(turn.bytes / 32) * TICKS_PER_MS; // 32 bytes a millisecond

/**
 * Starts the fake on a free loopback port. finalPhrase: what recognition "hears". The returned object records what the
 * app and the page did (refuseSockets = true makes recognition unreachable): sts (token requests with their key),
 * transcriptions (REST calls), sockets (their query strings), contexts (speech.context bodies: the phrase list),
 * hypotheses sent, and when each audio stream ended.
 */
export async function startAzureSpeechFake(finalPhrase, key) {
  const speech = { refuseSockets: false, sts: [], transcriptions: 0, sockets: [], contexts: [], hypotheses: 0, audioEnds: [] };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url, 'http://fake').pathname;
      if (path === '/sts/v1.0/issueToken') {
        speech.sts.push(request.headers['ocp-apim-subscription-key']);
        return response.writeHead(request.headers['ocp-apim-subscription-key'] === key ? 200 : 401).end(STS_TOKEN);
      }
      if (path === '/speechtotext/transcriptions:transcribe') {
        speech.transcriptions++;
        // As long as fast transcription takes for a short answer (the turn-latency benchmark's figure).
        return setTimeout(() => {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ durationMilliseconds: 1000, combinedPhrases: [{ text: 'transcribed on the server' }] }));
        }, TRANSCRIPTION_MS);
      }
      if (path === '/cognitiveservices/v1') return response.writeHead(200, { 'Content-Type': 'audio/wav' }).end(silentWav());
      response.writeHead(404).end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url, 'http://fake');
    if (url.pathname !== RECOGNITION_PATH || speech.refuseSockets) return socket.destroy();
    speech.sockets.push(url.searchParams);
    sockets.handleUpgrade(request, socket, head, ws => recognise(ws, finalPhrase, speech));
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  speech.url = `http://127.0.0.1:${port}`;
  speech.host = `ws://127.0.0.1:${port}`;
  speech.close = () => new Promise(resolve => { sockets.clients.forEach(c => c.terminate()); server.close(resolve); });
  return speech;
}
