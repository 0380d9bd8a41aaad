/**
 * What each failure looks like and what to do about it. Runs against the local sandbox, whose
 * prompt markers ([fail:…], [duration:…]) make a job fail or run long on purpose.
 *
 *   npx tsx examples/handling-errors.ts
 */
import { ContentPolicyError, ImageClient, ImagegateError, InferenceFailed, InferenceTimeout, ValidationError, apixo } from 'imagegate';
import { startSandbox } from 'imagegate/testing';

const sandbox = await startSandbox({ jobDurationMs: 300 });
const client = new ImageClient({ provider: apixo({ apiKey: 'sandbox', baseUrl: sandbox.baseUrls.apixo }) });
const polling = { initialDelayMs: 100, intervalMs: 100 };

async function attempt(label: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
    console.log(`${label}: succeeded`);
  } catch (error) {
    if (error instanceof ValidationError) {
      // Nothing was sent: fix the fields listed.
      console.log(`${label}: ValidationError`, error.issues.map((issue) => `${issue.path}: ${issue.message}`));
    } else if (error instanceof ContentPolicyError) {
      console.log(`${label}: ContentPolicyError (change the prompt), task ${error.requestId}, code ${error.code}`);
    } else if (error instanceof InferenceFailed) {
      console.log(`${label}: InferenceFailed, task ${error.requestId}: ${error.detail}`);
    } else if (error instanceof InferenceTimeout) {
      // The job may still finish: resume it by id.
      console.log(`${label}: InferenceTimeout after ${error.elapsedMs} ms; resuming ${error.requestId}`);
      const result = await client.job(error.requestId ?? '', { model: 'image-01' }).wait({ polling });
      console.log(`${label}: resumed and got ${result.images.length} image(s)`);
    } else if (error instanceof ImagegateError) {
      console.log(`${label}: ${error.name} (retryable: ${error.retryable}, jobMayExist: ${error.jobMayExist})`);
    } else {
      throw error;
    }
  }
}

try {
  await attempt('bad request', () => client.generate({ prompt: '', n: 12, size: '1000x1001' }));
  await attempt('refused content', () => client.generate({ prompt: 'a test [fail:CONTENT_VIOLATION]' }, { polling }));
  await attempt('failed job', () => client.generate({ prompt: 'a test [fail:UPSTREAM_ERROR]' }, { polling }));
  await attempt('slow job', () => client.generate({ prompt: 'a slow one [duration:1500]' }, { polling, timeoutMs: 500 }));
} finally {
  await client.close();
  await sandbox.close();
}
