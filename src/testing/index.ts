export { startSandbox } from './start-sandbox';
export type { Sandbox, SandboxBaseUrls, SandboxFaults } from './start-sandbox';
export { runSandboxForeground } from './run-sandbox';
export type { ForegroundSandboxOptions } from './run-sandbox';
export { sandboxDefaults } from './sandbox-options';
export type { DurationSetting, SandboxOptions } from './sandbox-options';
export type {
  DelayHeadersFault,
  FaultRule,
  HtmlFault,
  MalformedJsonFault,
  PendingFault,
  ResetFault,
  SandboxFault,
  StatusFault,
} from './faults';
export type { RecordedRequest, RequestFilter } from './request-log';
export type { CallbackAttempt } from './callback-delivery';
export type { SandboxProvider, SandboxRoute } from './sandbox-types';
export type { PromptMarkers } from './prompt-markers';
export { readPromptMarkers } from './prompt-markers';
export { apixo2KSizes, standardSizes, scaledSize } from './image-sizes';
export type { AspectRatio, ImageSize } from './image-sizes';
