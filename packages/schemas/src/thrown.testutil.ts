import { EgovError } from './errors.js';

/** Runs fn and returns the EgovError it throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): EgovError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EgovError) return error as EgovError;
    throw error;
  }
  throw new Error('expected an EgovError, nothing was thrown');
}
