// The site's configuration, config.json beside this file: written at deploy time in Azure (scripts/pages-config) and
// served from the twin's settings on a laptop. Never read from the address bar: a crafted link must not be able to
// send a candidate's answers or a recruiter's credential to another host.
// { api_base_url: "" (same origin) | "https://<function app>", entra: { client_id, authority, scope } | null }
const response = await fetch(new URL('config.json', import.meta.url), { cache: 'no-store' }).catch(() => null);

export const config = response?.ok ? await response.json().catch(() => ({})) : {};

/** The API's base URL, without a trailing slash; empty means the pages' own origin. */
export const apiBase = (config.api_base_url || '').replace(/\/+$/, '');
