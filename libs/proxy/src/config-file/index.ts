export { loadConfigFile, readConfigFile, MAX_CONFIG_FILE_BYTES } from './load-config-file';
export { watchConfigFile, CONFIG_WATCH_DEBOUNCE_MS, type ConfigFileWatcher } from './watch-config-file';
export { ConfigFileError } from '../errors';
