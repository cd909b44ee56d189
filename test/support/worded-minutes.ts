/**
 * The minutes services as a face presents them: each result's `text` worded with texts/catalog.ts
 * `words`, in both languages, so tests read what a user reads.
 */
import * as workflow from "../../services/minutes-workflow.ts";
import { wording } from "./worded-invitations.ts";

export const draftMinutes = wording(workflow.draftMinutes);
export const sendMinutes = wording(workflow.sendMinutes);
export const recordObjection = wording(workflow.recordObjection);
export const resolveObjections = wording(workflow.resolveObjections);
export const approveMinutes = wording(workflow.approveMinutes);
