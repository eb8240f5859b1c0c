import { Injectable } from '@nestjs/common';

/**
 * Whether the service takes new work (false from the moment shutdown begins), and how many
 * requests it is answering, so that shutdown can say how many it drained.
 */
@Injectable()
export class ServiceState {
  private accepting = true;
  // A set, not a counter: an aborted request may also see its response end, and must count once.
  private readonly requests = new Set<object>();

  get inFlight(): number {
    return this.requests.size;
  }

  requestStarted(request: object): void {
    this.requests.add(request);
  }

  requestEnded(request: object): void {
    this.requests.delete(request);
  }

  get ready(): boolean {
    return this.accepting;
  }

  markShuttingDown(): void {
    this.accepting = false;
  }
}
