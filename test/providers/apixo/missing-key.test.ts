import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, ImageClient, apixo } from 'imagegate';
import { useMockProvider } from '../../helpers/mock-provider';

const { recorded, fetch } = useMockProvider();
const callback = JSON.stringify({ code: 200, message: 'success', data: { taskId: 'task_1', state: 'success', resultJson: '{"resultUrls":["https://file.apixo.ai/a.png"]}' } });

describe('APIXO without a key', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env['APIXO_API_KEY'];
    delete process.env['APIXO_API_KEY'];
  });
  afterEach(() => {
    if (saved !== undefined) process.env['APIXO_API_KEY'] = saved;
  });

  it('rejects (never throws) status, balance and confirmWebhook with AuthenticationError naming APIXO_API_KEY, sending nothing', async () => {
    const client = new ImageClient({ provider: apixo(), fetch });
    const calls = [() => client.job('task_1').status(), () => client.balance(), () => client.confirmWebhook(callback)];
    for (const call of calls) {
      const pending = call();
      expect(pending).toBeInstanceOf(Promise);
      const error = await pending.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toContain('APIXO_API_KEY');
    }
    expect(recorded).toHaveLength(0);
  });
});
