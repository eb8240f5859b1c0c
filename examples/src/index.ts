export {
  startBookService,
  startSidecar,
  START_TIMEOUT_MS,
  STOP_GRACE_MS,
  type BookService,
  type ExampleProcess,
  type Sidecar,
} from './example-processes';
export { exampleConfig, get, getMany, countServedBy, type Answer } from './example-client';
export { startExample, type ExampleRun } from './example-run';
