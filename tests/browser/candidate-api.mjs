// The candidate's side of an interview through the API, as the candidate page would call it with a recruiter's link:
// start with the link's join token (which fixes the plan), answer by text, ask one question, end.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

export const SALARY_QUESTION = 'What is the salary range for this role?';

/** Runs one interview from a candidate link (…/?interview=<id>&token=<join token>); returns its id. */
export async function interviewThroughLink(link, typed) {
  const url = new URL(link);
  const id = url.searchParams.get('interview');
  const call = async (method, path, token, body) => {
    const response = await fetch(new URL(path, url.origin), { method, body, headers: {
      Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(),
      ...(typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}) } });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return response.json();
  };
  const start = await call('POST', `/session/start/${id}`, url.searchParams.get('token'),
    JSON.stringify({ candidate_name: 'Grace' }));
  const session = start.session_token;
  for (const text of [typed[0], SALARY_QUESTION, ...typed.slice(1)]) {
    const form = new FormData();
    form.append('text', text);
    await call('POST', `/session/turn/${id}`, session, form);
  }
  const ended = await call('DELETE', `/session/state/${id}`, session);
  assert.equal(ended.status, 'ended');
  return id;
}
