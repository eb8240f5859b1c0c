export { APP_ENTRIES, REPO_ROOT, type AppName } from './app-entries';
