/**
 * How minutes become final, in words, by the profile's rule (`minutes.approval`): "genehmigt"
 * where they are declared approved, "bestätigt" where the next meeting confirms them. Used by the
 * minutes, their workflow and wherever a meeting's state is shown.
 */
import type { Profile, Texts } from "../domain/profile.ts";

/** The words for how minutes become final, by the profile's rule (`minutes.approval`). */
export interface ApprovalWords {
  /** The state reached: "genehmigt" / "bestätigt". */
  approved: Texts;
  /** What the following meeting does to them: "Die Niederschrift wird … als genehmigt festgestellt / bestätigt". */
  declared: Texts;
  /** By when objections are brought in. */
  objectionsDue: Texts;
  /** When the minutes become final. */
  approvedAt: Texts;
  /** What follows the objections, after a semicolon. */
  outcome: Texts;
}

// Rhein-Sieg § 7 Abs. 4: objections "zu Beginn der nachfolgenden Sitzung einzubringen, andernfalls … als
// genehmigt festgestellt": one moment for both.
const NEXT_MEETING_START: Texts = { de: "zu Beginn der nachfolgenden Sitzung", en: "at the start of the following meeting" };
// Oberhausen Nr. 4.7, 4.8: "in der Folgesitzung bestätigt": the state reached and the act are one word;
// objections "spätestens in der Folgesitzung".
const CONFIRMED: Texts = { de: "bestätigt", en: "confirmed" };

const APPROVAL_WORDS: Record<"deemed" | "confirmed", ApprovalWords> = {
  // Rhein-Sieg § 7 Abs. 4 (above).
  deemed: {
    approved: { de: "genehmigt", en: "approved" },
    declared: { de: "als genehmigt festgestellt", en: "declared approved" },
    objectionsDue: NEXT_MEETING_START,
    approvedAt: NEXT_MEETING_START,
    outcome: { de: "andernfalls wird die Niederschrift als genehmigt festgestellt", en: "otherwise the minutes are declared approved" },
  },
  // Oberhausen Nr. 4.7, 4.8 (above).
  confirmed: {
    approved: CONFIRMED,
    declared: CONFIRMED,
    objectionsDue: { de: "spätestens in der nachfolgenden Sitzung", en: "at the latest in the following meeting" },
    approvedAt: { de: "in der nachfolgenden Sitzung", en: "in the following meeting" },
    outcome: { de: "dort wird die Niederschrift bestätigt", en: "there the minutes are confirmed" },
  },
};

/** Without a minutes rule (Kreis Wesel) the bot keeps its own procedure: approval at the next meeting, cited nowhere. */
export function approvalWords(profile: Profile): ApprovalWords {
  return APPROVAL_WORDS[profile.minutes.regulated ? profile.minutes.approval : "deemed"];
}
