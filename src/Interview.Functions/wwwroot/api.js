// Talks to the interview API. A page hosted apart from the function app names it: ?api=https://func.example.net
const base = (new URLSearchParams(location.search).get('api') || '').replace(/\/+$/, '');

export class ApiError extends Error {
  constructor(title, detail = '', status = 0, code = '') {
    super(title);
    Object.assign(this, { title, detail, status, code });
  }
}

// randomUUID needs a secure context; a typed answer should still work on plain http.
export const newKey = () => crypto.randomUUID?.()
  ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');

/** Sends one request described as data, so that Retry can send exactly the same one (same Idempotency-Key). */
export async function send({ method = 'GET', path, json, form, key, token }) {
  const headers = key ? { 'Idempotency-Key': key } : {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body = form;
  if (json) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }

  let response;
  try {
    response = await fetch(base + path, { method, headers, body });
  } catch {
    throw new ApiError('Could not reach the interview service.', 'Check your connection and retry.', 0, 'network');
  }

  const data = /json/.test(response.headers.get('Content-Type') || '') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    // Problem details (RFC 7807): title and detail are written for people.
    throw new ApiError(data?.title || `The request failed (HTTP ${response.status}).`, data?.detail || '', response.status, data?.code);
  }
  return { status: response.status, data, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
}
