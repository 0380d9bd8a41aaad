export { delayBeforePoll } from './poll-schedule';
export { pollUntilDone, type PollJob, type PollStep } from './poll-until-done';
