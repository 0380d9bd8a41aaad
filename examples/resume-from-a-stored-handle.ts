/**
 * submit() now, wait later: the job handle is plain JSON, so it can be stored (a file here; a
 * database row in a service) and resumed by a new client, in another process if need be.
 *
 *   npx tsx examples/resume-from-a-stored-handle.ts   # local sandbox, no key
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { ImageClient, apixo, type JobHandle } from 'imagegate';
import { startSandbox } from 'imagegate/testing';

const sandbox = process.env['APIXO_API_KEY'] ? undefined : await startSandbox();
const provider = () => apixo(sandbox ? { apiKey: 'sandbox', baseUrl: sandbox.baseUrls.apixo } : {});
// The sandbox finishes in about a second; real APIXO jobs take 15–40 s (default polling is tuned for that).
const polling = sandbox ? { initialDelayMs: 200, intervalMs: 200 } : {};

try {
  // Process 1: submit and store the handle.
  const submitter = new ImageClient({ provider: provider() });
  const job = await submitter.submit({ prompt: 'a watercolor harbor at dawn', resolution: '1K', aspectRatio: '3:2' });
  await mkdir('out', { recursive: true });
  await writeFile('out/job.json', JSON.stringify(job.toJSON()));
  console.log('stored', JSON.stringify(job.toJSON()));
  await submitter.close();

  // Process 2 (later): read the handle, check, wait.
  const handle = JSON.parse(await readFile('out/job.json', 'utf8')) as JobHandle;
  const resumer = new ImageClient({ provider: provider() });
  const resumed = resumer.job(handle);
  console.log('status now', (await resumed.status()).state);
  const result = await resumed.wait({ polling, onStatus: (status) => console.log('status', status.state) });
  console.log('images', result.images.map((image) => image.url));
  await resumer.close();
} finally {
  await sandbox?.close();
}
