/** @deprecated moved to server/read-models/catalogue-snapshot (issue 11) */
export * from '../read-models/catalogue-snapshot.js';
