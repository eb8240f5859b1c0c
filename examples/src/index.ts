export { startBookService, startSidecar, STOP_GRACE_MS, type BookService, type ExampleProcess, type Sidecar } from './example-processes';
export { exampleConfig, get, getMany, countServedBy, type Answer } from './example-client';
export { startExample, EXAMPLE_START_TIMEOUT_MS, type ExampleRun } from './example-run';
