// The job queue as a library: queue inputs for workers, run a worker, look at the queue.
export { enqueueInputs, type EnqueueOptions, type EnqueueReport } from './enqueue.js';
export { runWorker, type WorkerOptions, type WorkerReport } from './worker.js';
export { queueCounts, failedJobs, type QueueCounts, type FailedJob } from './status.js';
export { DEFAULT_POLICY, type QueuePolicy } from './boss.js';
export { QUEUE } from './jobs.js';
