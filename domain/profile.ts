/**
 * A rules profile: one Geschäftsordnung as data. Every number the rules use and the paragraph it
 * rests on come from here; a rule the document does not contain is `{ regulated: false }` with a
 * note, so answers say "not regulated" instead of inventing one.
 */
import { z } from "zod";

/** A text in both languages the bot speaks. */
export const Texts = z.object({ de: z.string().min(1), en: z.string().min(1) });
export type Texts = z.infer<typeof Texts>;

const citation = z.string().min(1); // e.g. "§ 4 Abs. 4 GO"
const days = z.number().int().min(0).max(365);
const fraction = z.object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() });
const notRegulated = z.object({ regulated: z.literal(false), note: Texts });

const agendaProposals = z.discriminatedUnion("regulated", [
  z.object({
    regulated: z.literal(true),
    daysBefore: days,
    /** "im Regelfall": late proposals are still taken, but marked late. */
    lateAccepted: z.boolean(),
    /** Current topics may be added at any time (Oberhausen Nr. 4.4). */
    currentTopicsAnytime: z.boolean(),
    citation,
  }),
  notRegulated,
]);

const invitation = z.discriminatedUnion("regulated", [
  z.object({
    regulated: z.literal(true),
    noticeDays: days,
    /** The last day to send, counted back from the meeting date (Rhein-Sieg: kept when sent 15 days before). */
    sendByDaysBefore: days,
    channel: Texts,
    /** What the invitation must state (place, date, agenda). */
    requiredContents: z.array(z.enum(["place", "date", "agenda"])),
    citation,
  }),
  notRegulated,
]);

const urgentInvitation = z.discriminatedUnion("regulated", [
  z.object({
    regulated: z.literal(true),
    noticeDays: days,
    sendByDaysBefore: days,
    reasonRequired: z.boolean(),
    citation,
  }),
  notRegulated,
]);

const quorum = z.discriminatedUnion("regulated", [
  z.object({
    regulated: z.literal(true),
    /** Quorate with at least this share of the voting members represented (in person or online). */
    atLeast: fraction,
    /** Counts as quorate until the chair declares otherwise. */
    presumed: z.boolean(),
    citation,
  }),
  notRegulated,
]);

const secondConvocation = z.discriminatedUnion("regulated", [
  z.object({ regulated: z.literal(true), noticeDays: days, citation }),
  notRegulated,
]);

const majority = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("share-of-present"),
    /** yes ≥ ceil(share × institutions present); abstentions are not yes. */
    share: fraction,
    citation,
  }),
  z.object({
    kind: z.literal("consensus"),
    /** Passed when nobody objects; abstentions allowed. */
    abstentionsAllowed: z.boolean(),
    citation,
  }),
  z.object({ kind: z.literal("not-regulated"), note: Texts }),
]);

/**
 * Who the members are. The roster holds one member (and one deputy) per institution record; an
 * institution the document gives more members is entered with one record per member.
 */
const membership = z.object({
  /** Where the document says who the members are; null where it does not. */
  citation: citation.nullable(),
  /** Members each institution sends; null where the document sets no number (only lists the institutions). */
  perInstitution: z.number().int().positive().nullable(),
  /** Institutions the document gives another number of members. */
  exceptions: z.array(
    z.object({
      /** As the document names it, e.g. "AG Wohlfahrt (AGW)". */
      name: z.string().min(1),
      /** A roster institution is this one when its name contains one of these (case-insensitive). */
      nameContains: z.array(z.string().min(1)).min(1),
      members: z.number().int().positive(),
    }),
  ),
});

const representation = z.object({
  /** Where the document says who names the deputies (one per member); null where it does not say. */
  citation: citation.nullable(),
  /** The absent member notifies deputy and Geschäftsstelle and hands on the invitation. */
  absenceCitation: citation.nullable(),
  /** The deputy holds the absent member's vote. */
  deputyTakesVote: z.boolean(),
  /** One vote per institution, even when member and deputy are both present. */
  votesPerInstitution: z.number().int().positive(),
  votesCitation: citation.nullable(),
});

/** How long a meeting may last; the default length of a new meeting (Rhein-Sieg § 4 Abs. 1). */
const meetingDuration = z.discriminatedUnion("regulated", [
  z.object({
    regulated: z.literal(true),
    maxHours: z.number().positive().max(24),
    /** Who may allow a longer meeting, as a noun phrase ("die/der Vorsitzende oder das Gremium"). */
    extendedBy: Texts,
    citation,
  }),
  notRegulated,
]);

/**
 * A signature line of the minutes. The roster knows two people who can sign: the chair and the
 * head of the Geschäftsstelle. A document naming someone else (a moderator) maps to whichever of
 * them holds that office by the document, and says so in `role`.
 */
const signer = z.object({
  person: z.enum(["chair", "secretariat-head"]),
  /** Under the signature line, e.g. "Vorsitz", "Moderation (Gegenzeichnung)". */
  role: Texts,
});

/**
 * Whether the minutes are public. `public: true`: a public version without the items declared
 * non-public is written beside the internal one. `public: false`: only the members' version; `note`
 * says why (a sentence for the minutes and the answers), `citation` where that stands.
 */
const publicity = z.discriminatedUnion("public", [
  z.object({ public: z.literal(true), citation }),
  z.object({ public: z.literal(false), citation: citation.nullable(), note: Texts }),
]);

export const Profile = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The body's kind, as the document names it ("Lenkungsgruppe", "Lenkungskreis"). */
  bodyKind: z.string().min(1),
  document: z.object({ title: z.string().min(1), version: z.string().min(1), abbreviation: z.string().min(1) }),
  timeZone: z.literal("Europe/Berlin"),
  holidays: z.object({ country: z.string().length(2), state: z.string().min(1) }),
  meetings: z.object({ frequency: Texts, modes: z.array(z.enum(["in-person", "online", "hybrid"])).min(1), citation, duration: meetingDuration }),
  nonPublic: z.discriminatedUnion("regulated", [z.object({ regulated: z.literal(true), citation }), notRegulated]),
  agendaProposals,
  invitation,
  urgentInvitation,
  quorum,
  secondConvocation,
  majority,
  membership,
  representation,
  minutes: z.discriminatedUnion("regulated", [
    z.object({
      regulated: z.literal(true),
      contentsCitation: citation,
      signaturesCitation: citation.nullable(),
      /** Who signs, in the order of the signature lines. */
      signers: z.array(signer).min(1),
      /** The distribution as the document words it (Rhein-Sieg "per E-Mail", Oberhausen only "zeitnah"). */
      distribution: Texts,
      distributionCitation: citation.nullable(),
      approvalCitation: citation.nullable(),
      publicity,
      /**
       * How the minutes become final. "deemed": objections are brought in at the start of the next
       * meeting, otherwise the minutes are declared approved (Rhein-Sieg § 7 Abs. 4). "confirmed":
       * the next meeting confirms them, objections at the latest there (Oberhausen Nr. 4.7, 4.8).
       */
      approval: z.enum(["deemed", "confirmed"]),
    }),
    notRegulated,
  ]),
});
export type Profile = z.infer<typeof Profile>;

export type Fraction = z.infer<typeof fraction>;
export type Signer = z.infer<typeof signer>;

/** A rules profile that is unknown or broken: one sentence for the operator (adapters/profiles.ts words it). */
export class ProfileError extends Error {}

/**
 * The rules profiles a face loaded and validated once at start (adapters/profiles.ts `loadProfiles`)
 * and hands in through `Services`; a body's data names the one it runs under.
 */
export interface Profiles {
  /** The ids loaded, sorted. */
  readonly ids: readonly string[];
  /** The profile of `id`; throws ProfileError for an id that was not loaded. */
  readonly get: (id: string) => Profile;
}
