export { segmind, segmindDefaults, type SegmindOptions } from './segmind-provider';
