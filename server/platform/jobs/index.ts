export {
  backoffSeconds,
  enqueueJob,
  type JobContext,
  type JobHandler,
  type JobRow,
  jobCounts,
} from './outbox.js';
export {
  logAdapter,
  type NotificationAdapter,
  type NotificationMessage,
  notificationHandler,
  queueNotification,
  smtpAdapter,
} from './notifications.js';
export { JobWorker } from './worker.js';
