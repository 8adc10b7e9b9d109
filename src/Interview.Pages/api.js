// Talks to the interview API, at the address the site's config.json names (config.js).
import { apiBase as base } from './config.js';

export class ApiError extends Error {
  // errors: every problem a 400 lists at once (an invalid plan or review), when it lists them.
  constructor(title, detail = '', status = 0, code = '', errors = []) {
    super(title);
    Object.assign(this, { title, detail, status, code, errors });
  }
}

/** What a failed call says to people: the problem's title and detail, or what was thrown. */
export function problemText(error) {
  const detail = error instanceof ApiError ? error.detail : String(error.message || error);
  return { title: error.title || 'Something went wrong.', detail };
}

// A request the network did not carry is a problem too, with its own code, so callers handle one kind of error.
async function reach(path, init) {
  try {
    return await fetch(base + path, init);
  } catch {
    throw new ApiError('Could not reach the interview service.', 'Check your connection and retry.', 0, 'network');
  }
}

// Problem details (RFC 7807): title and detail are written for people; errors lists every problem of a 400.
function refusal(response, data) {
  return new ApiError(data?.title || `The request failed (HTTP ${response.status}).`, data?.detail || '', response.status, data?.code,
    Array.isArray(data?.errors) ? data.errors : []);
}

// randomUUID needs a secure context; a typed answer should still work on plain http.
export const newKey = () => crypto.randomUUID?.()
  ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');

/**
 * Sends one request described as data, so that Retry can send exactly the same one (same Idempotency-Key).
 * adminKey: the recruiter page's credential (X-Admin-Key) in place of a candidate's bearer token.
 */
export async function send({ method = 'GET', path, json, form, csv, key, token, adminKey }) {
  const headers = key ? { 'Idempotency-Key': key } : {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (adminKey) headers['X-Admin-Key'] = adminKey;
  let body = form;
  if (csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = csv;
  } else if (json) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }

  const response = await reach(path, { method, headers, body });
  const isJson = /json/.test(response.headers.get('Content-Type') || '');
  const data = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) throw refusal(response, data);
  const text = isJson ? null : await response.text().catch(() => ''); // a CSV, say
  return { status: response.status, data, text, headers: response.headers,
    retryAfter: Number(response.headers.get('Retry-After')) || 0 };
}

/**
 * A streamed turn (Accept: text/event-stream): calls onEvent(name, data) for each event as it arrives and resolves with
 * the done event's data, the same body a buffered request returns. An error event, or a refusal before the stream
 * began, throws like send(); a stream that breaks off throws with code 'stream_broken', so the caller can fall back to
 * the buffered request with the same Idempotency-Key (the server answers it from what it stored, if it got that far).
 */
export async function stream({ path, form, key, token }, onEvent) {
  const headers = { Accept: 'text/event-stream', ...(key ? { 'Idempotency-Key': key } : {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await reach(path, { method: 'POST', headers, body: form });
  if (!/text\/event-stream/.test(response.headers.get('Content-Type') || '')) {
    const data = await response.json().catch(() => null);
    if (response.ok) return data;
    throw refusal(response, data);
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1] || 'message';
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] || 'null');
        if (name === 'done') return data;
        if (name === 'error') throw new ApiError(data?.title || 'The turn failed.', data?.detail || '', data?.status || 500, data?.code);
        onEvent(name, data);
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
  }
  throw new ApiError('The reply was cut off.', 'Sending it again.', 0, 'stream_broken');
}

// An evaluation runs for seconds to minutes: past this the page stops asking and offers to keep waiting.
export const EVALUATION_DEADLINE_MS = 180_000;

/**
 * Asks for an evaluation (ask() makes one request) until it is there (200), waiting as each 202's Retry-After says (at
 * most 2 s); onPending(data) sees each 202. Resolves with the report, or null once stopped() says the page moved on;
 * past the deadline it throws with giveUp as what to do.
 */
export async function awaitEvaluation(ask, { onPending = () => {}, stopped = () => false, giveUp }) {
  const deadline = Date.now() + EVALUATION_DEADLINE_MS;
  for (;;) {
    const { status, data, retryAfter } = await ask();
    if (stopped()) return null;
    if (status === 200) return data;
    onPending(data);
    if (Date.now() > deadline) throw new ApiError('The evaluation is taking longer than expected.', giveUp);
    await new Promise(resolve => setTimeout(resolve, Math.min(retryAfter || 1, 2) * 1000));
  }
}
