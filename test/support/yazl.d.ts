declare module 'yazl' {
  import type { Readable } from 'node:stream';
  export class ZipFile {
    outputStream: Readable;
    addBuffer(buffer: Buffer, name: string, options?: { compress?: boolean }): void;
    end(): void;
  }
}
