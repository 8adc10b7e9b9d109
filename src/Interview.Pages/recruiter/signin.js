// Recruiters sign in with Microsoft Entra ID when the site's config.json names an app registration (config.entra):
// MSAL.js (vendored as ../vendor/msal-browser.min.js, see scripts/vendor-msal) runs the authorization-code flow with
// PKCE by redirect, and each API call carries an access token for the API's scope. Without config.entra the page keeps
// asking for the development admin key instead (shell.js).
import { config } from '../config.js';

const entra = config.entra?.client_id ? config.entra : null;
let app = null;
let account = null;

/** True when recruiters sign in rather than type the admin key. */
export const signInConfigured = Boolean(entra);

// The browser build is a classic script that defines globalThis.msal; loaded only when sign-in is configured.
const loadMsal = () => globalThis.msal ? Promise.resolve() : new Promise((resolve, reject) => {
  const script = Object.assign(document.createElement('script'), { src: new URL('../vendor/msal-browser.min.js', import.meta.url).href });
  script.onload = resolve;
  script.onerror = () => reject(new Error('The sign-in library could not be loaded.'));
  document.head.append(script);
});

/** Sets MSAL up and finishes a sign-in the provider redirected back from; resolves with the account, or null. */
export async function initSignIn() {
  await loadMsal();
  app = new globalThis.msal.PublicClientApplication({
    auth: {
      clientId: entra.client_id,
      authority: entra.authority,
      // Trusting the configured host skips Microsoft's instance discovery (and lets a test provider stand in).
      knownAuthorities: [new URL(entra.authority).host],
      redirectUri: location.origin + location.pathname,
    },
    cache: { cacheLocation: 'sessionStorage' }, // per tab, like the admin key
  });
  await app.initialize();
  const result = await app.handleRedirectPromise();
  account = result?.account ?? app.getAllAccounts()[0] ?? null;
  return account;
}

export const signedInName = () => account?.name || account?.username || '';

export const signIn = () => app.loginRedirect({ scopes: [entra.scope] });

/** An access token for the API: from MSAL's cache or a silent renewal; a redirect when the provider needs the person again. */
export async function accessToken() {
  if (!account) return null;
  try {
    return (await app.acquireTokenSilent({ scopes: [entra.scope], account })).accessToken;
  } catch (error) {
    if (error instanceof globalThis.msal.InteractionRequiredAuthError) await app.acquireTokenRedirect({ scopes: [entra.scope], account });
    throw error;
  }
}

/** Forgets the account in this tab without leaving the page (no navigation to the provider's sign-out). */
export async function signOut() {
  const leaving = account;
  account = null;
  if (leaving) await app.clearCache({ account: leaving });
}
