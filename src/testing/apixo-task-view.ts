import { ImageFiles } from './image-files';
import type { SandboxJob } from './job-store';
import { jobFinishesAt, jobPhaseAt } from './job-timing';
import type { JobPhase } from './job-timing';

const states: Readonly<Record<JobPhase, string>> = {
  queued: 'pending',
  processing: 'processing',
  completed: 'success',
  failed: 'failed',
};

/** The statusTask envelope of a task at `now`; callbacks send the same body. */
export function apixoTaskEnvelope(job: SandboxJob, origin: string, now: number): Record<string, unknown> {
  const phase = jobPhaseAt(job, now);
  const data: Record<string, unknown> = { taskId: job.id, state: states[phase] };
  if (phase === 'completed') {
    const resultUrls = job.images.map((file) => ImageFiles.url(origin, file));
    data.resultJson = JSON.stringify({ resultUrls });
  }
  if (phase === 'failed') {
    data.failCode = job.failure?.code ?? 'UPSTREAM_ERROR';
    data.failMsg = job.failure?.message ?? 'Generation failed';
  }
  data.createTime = job.createdAt;
  if (phase === 'completed' || phase === 'failed') data.completeTime = jobFinishesAt(job);
  if (phase === 'completed') data.costTime = jobFinishesAt(job) - job.createdAt;
  return { code: 200, message: 'success', data };
}
