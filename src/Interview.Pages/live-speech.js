// Live recognition with Azure AI Speech: while the candidate speaks, the page streams the microphone to the service with
// the Speech SDK for JavaScript (vendor/speech-sdk.min.js, loaded once the interview shows) and shows the words as they
// are recognised. The final phrases go with the recording as the turn's 'transcript', so the server stores the recording
// and does not transcribe it again. Whatever fails (no Azure Speech here: 404 live_speech_unavailable; the token; the
// SDK; the connection) leaves today's path: the recording alone, transcribed by the server.
import { send } from './api.js';

const REFRESH_EARLY_MS = 60_000; // a token is asked for again this long before it expires
const FINAL_WITHIN_MS = 3000; // after this the recording goes alone: the server transcribing it beats waiting longer
let grant = null;
let asking = null;
let unavailable = false; // the service said so once: no need to ask on every answer
let sdk = null;

function speechToken(interviewId, sessionToken) {
  if (unavailable) return Promise.resolve(null);
  if (grant?.interviewId === interviewId && grant.until > Date.now()) return Promise.resolve(grant);
  asking ??= askForToken(interviewId, sessionToken).finally(() => { asking = null; }); // one request at a time
  return asking;
}

async function askForToken(interviewId, sessionToken) {
  try {
    const { data } = await send({ method: 'POST', path: `/session/speech-token/${interviewId}`, token: sessionToken });
    grant = { ...data, interviewId, until: Date.now() + data.expires_in * 1000 - REFRESH_EARLY_MS };
    return grant;
  } catch (error) {
    if (error.code === 'live_speech_unavailable') unavailable = true;
    return null;
  }
}

function loadSdk() {
  sdk ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('vendor/speech-sdk.min.js', import.meta.url).href;
    script.onload = () => (window.SpeechSDK ? resolve(window.SpeechSDK) : reject(new Error('no SpeechSDK')));
    script.onerror = () => { sdk = null; reject(new Error('the Speech SDK did not load')); };
    document.head.append(script);
  });
  return sdk;
}

function recognizerFor(SpeechSDK, { token, region, host, locale, phrases }) {
  // host: a sovereign cloud, or the tests' loopback fake; otherwise the region's own recognition host.
  const config = host ? SpeechSDK.SpeechConfig.fromHost(new URL(host)) : SpeechSDK.SpeechConfig.fromAuthorizationToken(token, region);
  if (host) config.authorizationToken = token;
  config.speechRecognitionLanguage = locale;
  const recognizer = new SpeechSDK.SpeechRecognizer(config, SpeechSDK.AudioConfig.fromDefaultMicrophoneInput());
  const grammar = SpeechSDK.PhraseListGrammar.fromRecognizer(recognizer);
  phrases.forEach(p => grammar.addPhrase(p));
  return recognizer;
}

/**
 * Fetches the token and loads the SDK ahead of the first answer, so recognition opens the microphone as soon as the
 * candidate starts talking rather than after a 0.5 MB script and a round trip (the first words would be lost).
 */
export function prepareLiveSpeech(interviewId, sessionToken) {
  speechToken(interviewId, sessionToken).then(granted => granted && loadSdk()).catch(() => {});
}

/**
 * Starts recognising the microphone; onWords(text) gets the words so far (final phrases, then the current guess).
 * Resolves with { finish } or null when live speech is not available. finish() stops and resolves with the final
 * words, or null when recognition failed or heard nothing: then the server transcribes the recording as before.
 */
export async function startLiveSpeech({ interviewId, sessionToken, onWords }) {
  try {
    const [granted, SpeechSDK] = await Promise.all([speechToken(interviewId, sessionToken), loadSdk()]);
    if (!granted) return null;
    const recognizer = recognizerFor(SpeechSDK, granted);
    const phrases = [];
    let failed = false;
    recognizer.recognizing = (_, e) => onWords([...phrases, e.result.text].join(' '));
    recognizer.recognized = (_, e) => {
      if (e.result.reason !== SpeechSDK.ResultReason.RecognizedSpeech || !e.result.text) return;
      phrases.push(e.result.text);
      onWords(phrases.join(' '));
    };
    recognizer.canceled = (_, e) => { if (e.reason === SpeechSDK.CancellationReason.Error) failed = true; };
    await new Promise((resolve, reject) => recognizer.startContinuousRecognitionAsync(resolve, reject));
    return {
      async finish() {
        // Stopping sends the end of the audio and waits for the service's last phrase and turn.end.
        const stopped = new Promise((resolve, reject) => recognizer.stopContinuousRecognitionAsync(resolve, reject));
        const late = new Promise((_, reject) => setTimeout(() => reject(new Error('no final phrase in time')), FINAL_WITHIN_MS));
        await Promise.race([stopped, late]).catch(() => { failed = true; });
        recognizer.close();
        return failed || phrases.length === 0 ? null : phrases.join(' ');
      },
    };
  } catch {
    return null;
  }
}
