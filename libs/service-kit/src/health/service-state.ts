import { Injectable } from '@nestjs/common';

/** Whether the service takes new work: false from the moment shutdown begins. */
@Injectable()
export class ServiceState {
  private accepting = true;

  get ready(): boolean {
    return this.accepting;
  }

  markShuttingDown(): void {
    this.accepting = false;
  }
}
