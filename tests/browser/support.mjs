// Processes for the browser test: Azurite (in memory) and the built app, each on free loopback ports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const running = new Set();
// Even when the runner is interrupted, no Azurite or app is left behind.
process.on('exit', () => running.forEach(child => child.kill('SIGKILL')));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls until check() returns something truthy; never a fixed sleep. */
export async function until(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

function start(name, command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  const keep = chunk => { child.output = (child.output + chunk).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise(resolve => child.once('exit', code => { running.delete(child); resolve(code); }));
  child.name = name;
  running.add(child);
  return child;
}

export async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await child.exited;
  clearTimeout(timer);
}

export async function startAzurite() {
  const script = join(root, 'node_modules/azurite/dist/src/azurite.js');
  if (!existsSync(script)) throw new Error(`Azurite is not installed at ${script}: run npm ci (scripts/test does).`);
  const [blob, queue, table] = [await freePort(), await freePort(), await freePort()];
  const child = start('azurite', process.execPath, [script, '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--loose',
    '--disableProductStyleUrl', '--blobHost', '127.0.0.1', '--blobPort', blob, '--queueHost', '127.0.0.1', '--queuePort', queue,
    '--tableHost', '127.0.0.1', '--tablePort', table].map(String));
  child.connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${accountKey};` +
    `BlobEndpoint=http://127.0.0.1:${blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue}/devstoreaccount1;` +
    `TableEndpoint=http://127.0.0.1:${table}/devstoreaccount1;`;
  await until(async () => (await fetch(`http://127.0.0.1:${table}/`).catch(() => null)) !== null, 'Azurite to listen', 30_000);
  return child;
}

/** The Release build scripts/test makes, run from an empty directory so no local.settings.json leaks in. */
export async function startApp(connectionString, settings = {}, port = null) {
  const dll = join(root, 'src/Interview.Local/bin/Release/net10.0/Interview.Local.dll');
  if (!existsSync(dll)) throw new Error(`${dll} is missing: build with scripts/test or dotnet build -c Release.`);
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cwd = mkdtempSync(join(tmpdir(), 'interview-app-'));
  const child = start('app', 'dotnet', [dll], {
    cwd,
    env: { ...process.env, Storage__ConnectionString: connectionString, ASPNETCORE_URLS: url, Speech__Provider: 'offline',
      ...settings },
  });
  child.url = url;
  child.port = port;
  child.exited.then(() => rmSync(cwd, { recursive: true, force: true }));
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode}:\n${child.output}`);
    return (await fetch(`${url}/health`).catch(() => null))?.ok;
  }, 'the app to be ready', 60_000).catch(error => { throw new Error(`${error.message}\n${child.output}`); });
  return child;
}

/** Debian's chromium, headless, with a fake microphone that loops the given WAV. */
export async function launchChromium(chromium, profileDir, wav, extraArgs = []) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false, // --headless=new below; the background-networking flags stop it hanging on blocked connections
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required', '--mute-audio',
      `--use-file-for-fake-audio-capture=${wav}`, ...extraArgs],
    viewport: { width: 1000, height: 900 },
  });
  context.setDefaultTimeout(30_000);
  return context;
}

// The emulator's well-known key, for storage.mjs to read Azurite directly.
export { accountKey };

/** Chromium for pages that never record: no microphone file is read, so none is made. */
export const launchChromiumWithoutSpeech = (chromium, profileDir, extraArgs = []) =>
  launchChromium(chromium, profileDir, join(profileDir, 'no-microphone.wav'), extraArgs);
