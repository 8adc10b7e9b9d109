// A loopback OpenID provider standing in for Entra ID in the recruiter page's browser test: over https (MSAL.js
// accepts no other authority) with a self-signed certificate made here, it publishes its metadata and RSA key, runs the
// authorization-code flow with PKCE for one test user (the authorize endpoint signs them in at once), and answers the
// token endpoint with CORS, as MSAL calls it from the page. The app trusts the certificate through SSL_CERT_FILE.
import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { freePort } from './support.mjs';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const USER = { oid: '0b0b0b0b-1111-2222-3333-444444444444', name: 'Rita Recruiter', username: 'rita@example.com' };

const b64url = data => Buffer.from(data).toString('base64url');

export async function startOpenIdProvider(dir, roles = ['Interviews.Manage']) {
  const [keyFile, certFile] = [join(dir, 'provider.key'), join(dir, 'provider.crt')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const port = await freePort();
  const base = `https://127.0.0.1:${port}`;
  const issuer = `${base}/${TENANT}/v2.0`;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const codes = new Map();

  const sign = claims => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = `${header}.${b64url(JSON.stringify({ iss: issuer, iat: now, nbf: now, exp: now + 3600, ...claims }))}`;
    return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
  };
  const tokens = grant => ({
    token_type: 'Bearer', scope: grant.scope, expires_in: 3600, ext_expires_in: 3600, refresh_token: randomBytes(16).toString('hex'),
    access_token: sign({ aud: `api://${CLIENT_ID}`, oid: USER.oid, tid: TENANT, name: USER.name, preferred_username: USER.username,
      scp: 'Interviews.Access', roles, ver: '2.0' }),
    id_token: sign({ aud: CLIENT_ID, sub: USER.oid, oid: USER.oid, tid: TENANT, name: USER.name, preferred_username: USER.username,
      nonce: grant.nonce, ver: '2.0' }),
    client_info: b64url(JSON.stringify({ uid: USER.oid, utid: TENANT })),
  });

  const routes = {
    [`/${TENANT}/v2.0/.well-known/openid-configuration`]: () => json({
      issuer, jwks_uri: `${base}/${TENANT}/discovery/v2.0/keys`,
      authorization_endpoint: `${base}/${TENANT}/oauth2/v2.0/authorize`, token_endpoint: `${base}/${TENANT}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/${TENANT}/oauth2/v2.0/logout`, response_modes_supported: ['query', 'fragment'],
      scopes_supported: ['openid', 'profile', 'offline_access'], tenant_region_scope: null, cloud_instance_name: 'microsoftonline.com',
    }),
    [`/${TENANT}/discovery/v2.0/keys`]: () => json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }),
    // Signs the test user in at once and sends the code back the way the page asked for it.
    [`/${TENANT}/oauth2/v2.0/authorize`]: url => {
      const p = url.searchParams;
      const code = randomBytes(16).toString('hex');
      codes.set(code,
        { challenge: p.get('code_challenge'), nonce: p.get('nonce'), scope: p.get('scope'), redirect: p.get('redirect_uri') });
      const clientInfo = b64url(JSON.stringify({ uid: USER.oid, utid: TENANT }));
      const answer = new URLSearchParams({ code, state: p.get('state') || '', client_info: clientInfo });
      const mode = p.get('response_mode') === 'query' ? '?' : '#';
      return { status: 302, headers: { Location: `${p.get('redirect_uri')}${mode}${answer}` } };
    },
    [`/${TENANT}/oauth2/v2.0/token`]: (url, form) => {
      if (form.get('grant_type') === 'refresh_token') return json(tokens({ scope: form.get('scope'), nonce: undefined }));
      const grant = codes.get(form.get('code'));
      codes.delete(form.get('code'));
      const verifier = createHash('sha256').update(form.get('code_verifier') || '').digest('base64url');
      if (!grant || grant.challenge !== verifier || grant.redirect !== form.get('redirect_uri')) {
        return json({ error: 'invalid_grant', error_description: 'code, code_verifier or redirect_uri do not match' }, 400);
      }
      return json(tokens(grant));
    },
  };

  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, async (request, response) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, POST' };
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    const url = new URL(request.url, base);
    let body = '';
    for await (const chunk of request) body += chunk;
    const route = routes[url.pathname];
    const answer = route ? route(url, new URLSearchParams(body)) : json({ error: 'not_found' }, 404);
    response.writeHead(answer.status, { ...cors, ...answer.headers }).end(answer.body);
  });
  await new Promise(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer, certFile, authorizeCount: () => codes.size,
    settings: { Entra__TenantId: TENANT, Entra__ClientId: CLIENT_ID, Entra__Authority: issuer, SSL_CERT_FILE: certFile },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

function json(value, status = 200) {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}
