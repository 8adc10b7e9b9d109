// Azurite read directly, not through the app: what a test checks is really in (or gone from) storage.
import { createHmac } from 'node:crypto';
import { accountKey } from './support.mjs';

/**
 * Reads Azurite directly, not through the app: GET with the emulator account's shared key (Table: SharedKeyLite,
 * Blob: SharedKey, the one each accepts for this). path is after the account, e.g. "interviews()" or "audio".
 */
async function storageGet(connectionString, service, path, query = {}) {
  const endpoint = new RegExp(`${service}Endpoint=([^;]+)`).exec(connectionString)[1];
  const account = new URL(endpoint).pathname.split('/')[1];
  const url = new URL(`${endpoint}/${path}`);
  Object.entries(query).forEach(([k, v]) => url.searchParams.set(k, v));
  const date = new Date().toUTCString();
  const headers = { 'x-ms-date': date, 'x-ms-version': '2021-12-02', Accept: 'application/json;odata=nometadata' };
  // Path-style emulator addresses sign the path as it is, account included, after "/{account}".
  const resource = `/${account}${url.pathname}`;
  const toSign = service === 'Table'
    ? `${date}\n${resource}`
    : `GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:${date}\nx-ms-version:${headers['x-ms-version']}\n${resource}`
      + [...url.searchParams].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `\n${k.toLowerCase()}:${v}`).join('');
  const signature = createHmac('sha256', Buffer.from(accountKey, 'base64')).update(toSign, 'utf8').digest('base64');
  headers.Authorization = `${service === 'Table' ? 'SharedKeyLite' : 'SharedKey'} ${account}:${signature}`;
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`Azurite ${service} GET ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** The rows of a table that match an OData filter, straight from Azurite. */
export async function tableRows(connectionString, table, filter) {
  const response = await storageGet(connectionString, 'Table', `${table}()`, { $filter: filter });
  return (await response.json()).value;
}

/** The names of the blobs under a prefix in a container, straight from Azurite. */
export async function blobNames(connectionString, container, prefix) {
  const response = await storageGet(connectionString, 'Blob', container, { restype: 'container', comp: 'list', prefix });
  return [...(await response.text()).matchAll(/<Name>([^<]*)<\/Name>/g)].map(m => m[1]);
}
