export { ImageClient } from './core/client';
export { Job } from './core/job';
export { GeneratedImage, type ImageSource } from './core/generated-image';
export {
  ImagegateError,
  ValidationError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  InsufficientCreditsError,
  RateLimitError,
  NotFoundError,
  ContentPolicyError,
  ProviderError,
  ConnectionError,
  InferenceFailed,
  InferenceTimeout,
  type ImagegateErrorOptions,
  type ValidationIssue,
} from './core/errors';
export type {
  AspectRatio,
  ExplicitSize,
  GptImage1MiniFields,
  GptImage1MiniRequest,
  Image01Fields,
  Image01Request,
  ImageRequest,
  NormalizedRequest,
  PassThroughRequest,
  RequestField,
} from './core/request';
export type { ImageCost, ImageResult, ImageTimings } from './core/result';
export type { JobHandle, JobStatus } from './core/job-status';
export type { CallOptions, ClientOptions, GenerateOptions, PollingOptions, SubmitOptions, WaitOptions } from './core/options';
export type { ImageProvider, OperationContext, ProviderDefaults, ProviderJob, SubmitExtras, WaitContext, WebhookOptions } from './core/provider';
export type { ModelCapabilities, Range } from './core/capabilities';
export type { Clock } from './core/clock';
export type { FetchFunction, FetchResponseLike } from './core/transport';
export { segmind, segmindDefaults, type SegmindOptions } from './providers/segmind';
export { minimax, minimaxDefaults, type MinimaxOptions, type MinimaxRegion } from './providers/minimax';
export { apixo, apixoDefaults, apixoCallbackTaskId, type ApixoOptions } from './providers/apixo';
