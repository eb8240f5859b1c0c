export { startTestCollector, connectionStringFor, TEST_IKEY } from './test-collector';
