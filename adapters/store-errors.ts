/**
 * Errors of the data file: a StoreError carries the words texts/store.ts gives it (which file,
 * what is wrong, what to do). A refused file is never written to, so every message can say "unchanged".
 */
import type { ZodError } from "zod";
import { invalidData, newerVersion, notJson } from "../texts/store.ts";

/** The data file cannot be used as it is (not JSON, not our model, newer version, lock lost). */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export function notJsonError(file: string, cause: unknown): StoreError {
  return new StoreError(notJson(file, cause instanceof Error ? cause.message : String(cause)), file);
}

export function invalidDataError(file: string, error: ZodError): StoreError {
  return new StoreError(invalidData(file, error), file);
}

export function newerVersionError(file: string, version: unknown, known: number): StoreError {
  return new StoreError(newerVersion(file, version, known), file);
}
