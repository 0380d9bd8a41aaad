export { apixo, type ApixoOptions } from './apixo-provider';
export { apixoDefaults } from './apixo-defaults';
export { apixoCallbackTaskId } from './apixo-webhook';
