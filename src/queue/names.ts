// What bitforge keeps in Redis: one BullMQ queue of synthesis jobs, and a hash of finished reports
// that every worker and sweep reads (documented in docs/distributed.md).

export const QUEUE_NAME = 'bitforge-synth';
/** Report JSON by the result cache's key: kept after the jobs are gone, so nothing runs twice. */
export const RESULTS_KEY = 'bitforge:synth:results';
