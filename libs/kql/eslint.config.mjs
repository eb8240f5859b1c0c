export { default } from '@mirrormesh/eslint-config';
