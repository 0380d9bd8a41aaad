/** Where a job stands. A failed job is a state, not a throw. */
export interface JobStatus {
  state: 'queued' | 'processing' | 'completed' | 'failed';
  /** The provider's status body, parsed. */
  raw: unknown;
  /** The provider's failure text, for a failed job. */
  error?: string;
}

/** What `job.toJSON()` gives and `client.job()` takes: enough to resume a job after a restart. */
export interface JobHandle {
  provider: string;
  /** As the caller named it. */
  model: string;
  id: string;
}
