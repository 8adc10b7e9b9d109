// What every recruiter view shares: the credential (Entra ID sign-in, or the development admin key), calls made with it,
// views, the status line and problems.
import { problemText, send } from '../api.js';
import { $ } from '../dom.js';
import { accessToken, signInConfigured } from './signin.js';

const KEY = 'recruiter-admin-key';

// Kept per tab: closing it forgets the key, as does Forget key.
export const adminKey = {
  get: () => sessionStorage.getItem(KEY),
  set: value => sessionStorage.setItem(KEY, value),
  forget: () => sessionStorage.removeItem(KEY),
};

export function say(text) {
  $('status').textContent = text;
}

/** Fills a problem region (role="alert"): the problem's detail, and every item of errors when a 400 lists them. */
export function showProblem(error, region = $('error')) {
  const { title, detail } = problemText(error);
  region.querySelector('.title').textContent = title;
  region.querySelector('.detail').textContent = detail;
  const items = (error.errors || []).map(e => Object.assign(document.createElement('li'), { textContent: e }));
  region.querySelector('.errors').replaceChildren(...items);
  region.hidden = false;
}

export function clearProblems() {
  document.querySelectorAll('.problem').forEach(p => { p.hidden = true; });
}

let onLocked = () => {};
export const whenLocked = handler => { onLocked = handler; };

/**
 * One call as the recruiter: with an access token when sign-in is configured, else with the admin key. A refusal (401,
 * 403) forgets the key, and the page asks to sign in or for the key again, with the problem shown.
 */
export async function call(request) {
  document.body.setAttribute('aria-busy', 'true');
  try {
    const credential = signInConfigured ? { token: await accessToken() } : { adminKey: adminKey.get() };
    return await send({ ...request, ...credential });
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      adminKey.forget();
      onLocked(error);
    }
    throw error;
  } finally {
    document.body.setAttribute('aria-busy', 'false');
  }
}

/**
 * Shows one view and moves focus to its heading, so a screen reader announces where the recruiter now is and Tab
 * continues from there rather than from a button that has just been hidden.
 */
export function show(id) {
  document.querySelectorAll('.view').forEach(v => { v.hidden = v.id !== id; });
  $('nav').hidden = id === 'key-view';
  $(id).querySelector('h2').focus();
}

/** Runs an action from a button or form: a failure is shown in region, never thrown away. */
export const guarded = (action, region) => async (...args) => {
  clearProblems();
  try {
    await action(...args);
  } catch (error) {
    showProblem(error, region?.() ?? $('error'));
  }
};
