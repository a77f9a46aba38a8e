import { MboImportError } from '../../../src/domain/mbo/errors.js';

/** Run `fn` and return the MboImportError it throws; any other outcome fails the test. */
export function catchImportError(fn: () => unknown): MboImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MboImportError) return error;
    throw error;
  }
  throw new Error('verwacht een MboImportError, maar er werd niets gegooid');
}

export async function catchImportErrorAsync(fn: () => Promise<unknown>): Promise<MboImportError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof MboImportError) return error;
    throw error;
  }
  throw new Error('verwacht een MboImportError, maar er werd niets gegooid');
}
