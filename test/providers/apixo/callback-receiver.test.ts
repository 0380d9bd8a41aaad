import { describe, expect, it } from 'vitest';
import { ContentPolicyError, type ImageResult } from '../../../src/index';
import { createCallbackReceiver } from '../../../examples/apixo-callback-receiver';
import { useMockProvider } from '../../helpers/mock-provider';
import { apixoClient, imageHost, resultJson, taskEnvelope, taskHandlers } from './apixo-test-kit';

const { server, recorded, fetch } = useMockProvider();

/** The example receiver with its outcomes collected. */
function receiverWithLog() {
  const images: ImageResult[] = [];
  const failures: { error: unknown; taskId: string }[] = [];
  const receiver = createCallbackReceiver(apixoClient(fetch), {
    onImages: (result) => void images.push(result),
    onFailure: (error, taskId) => void failures.push({ error, taskId }),
  });
  return { receiver, images, failures };
}

describe('example: APIXO callback receiver', () => {
  it('answers 200 to every delivery of a task but confirms it through statusTask only once', async () => {
    const taskId = 'task_delivered_thrice';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'success', { resultJson: resultJson([`${imageHost}/confirmed.png`]) })] }));
    const { receiver, images, failures } = receiverWithLog();
    const body = JSON.stringify(taskEnvelope(taskId, 'success'));
    expect([receiver.receive(body), receiver.receive(body), receiver.receive(body)]).toEqual([200, 200, 200]);
    await receiver.settled();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.url.searchParams.get('taskId')).toBe(taskId);
    expect(images.map((result) => result.images[0]?.url)).toEqual([`${imageHost}/confirmed.png`]);
    expect(failures).toEqual([]);
  });

  it('answers 400 to a body that is not an APIXO callback and makes no request', async () => {
    const { receiver } = receiverWithLog();
    expect(receiver.receive('{"hello":"world"}')).toBe(400);
    await receiver.settled();
    expect(recorded).toHaveLength(0);
  });

  it('reports a task that statusTask says failed, whatever the callback claimed', async () => {
    const taskId = 'task_really_failed';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'failed', { failCode: 'CONTENT_VIOLATION' })] }));
    const { receiver, images, failures } = receiverWithLog();
    receiver.receive(JSON.stringify(taskEnvelope(taskId, 'success')));
    await receiver.settled();
    expect(images).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.error).toBeInstanceOf(ContentPolicyError);
  });

  it('waits for a task that statusTask still reports running, then hands over its images', async () => {
    const taskId = 'task_early_callback';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'success')] }));
    const { receiver, images } = receiverWithLog();
    receiver.receive(JSON.stringify(taskEnvelope(taskId, 'success')));
    await receiver.settled();
    expect(images.map((result) => result.id)).toEqual([taskId]);
    expect(recorded).toHaveLength(3);
  });
});
