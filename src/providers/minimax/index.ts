export { minimax, minimaxDefaults, type MinimaxOptions, type MinimaxRegion } from './minimax-provider';
