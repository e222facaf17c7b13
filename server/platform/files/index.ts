export {
  type BlobStore,
  diskBlobStore,
  type PutOptions,
  readFile,
  type StoredFile,
  sha256Hex,
  storeFile,
} from './file-store.js';
export { ALLOWED_MEDIA_TYPES, type MediaType, sniffMediaType } from './media-types.js';
export { type S3Config, S3Error, s3BlobStore, s3ConfigFromEnv, s3KeyOf } from './s3-blob-store.js';
export {
  type S3Simulator,
  type S3SimulatorOptions,
  type StoredObject,
  startS3Simulator,
} from './s3-simulator.js';
