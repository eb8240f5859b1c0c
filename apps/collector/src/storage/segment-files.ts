import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const SEGMENT_NAME = /^segment-(\d{10})\.jsonl$/;

export function segmentFileName(sequence: number): string {
  return `segment-${String(sequence).padStart(10, '0')}.jsonl`;
}

/** Sequence numbers of the segment files in `dir`, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  const sequences: number[] = [];
  for (const name of names) {
    const match = SEGMENT_NAME.exec(name);
    if (match?.[1] !== undefined) sequences.push(Number(match[1]));
  }
  return sequences.sort((a, b) => a - b);
}

export function segmentPath(dir: string, sequence: number): string {
  return join(dir, segmentFileName(sequence));
}

/** Makes a created or deleted file name durable: the directory entry itself must be synced. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
