/** Query: who has answered the invitation to a meeting, one line per institution (roster order). */
import type { Attendance, Db } from "../domain/model.ts";
import { personById } from "./directory.ts";
import { findMeeting } from "./meetings.ts";

export interface InstitutionAnswer {
  institutionId: string;
  institutionName: string;
  /** null: the institution has not answered yet. */
  answer: {
    status: Attendance["status"];
    /** Who comes for the institution (member or deputy), when known. */
    attendeeName: string | null;
    mode: Attendance["mode"];
    present: boolean;
  } | null;
}

export interface AnswersOverview {
  meetingId: string;
  meetingStart: string;
  answered: number;
  institutions: number;
  answers: InstitutionAnswer[];
}

export function whoHasAnswered(db: Db, meetingId: string): AnswersOverview {
  const meeting = findMeeting(db, meetingId);
  const rows = db.attendance.filter((a) => a.meetingId === meeting.id);
  const answerOf = (a: Attendance | undefined): InstitutionAnswer["answer"] =>
    a ? { status: a.status, attendeeName: a.attendeeId ? personById(db, a.attendeeId).name : null, mode: a.mode, present: a.present } : null;
  return {
    meetingId: meeting.id,
    meetingStart: meeting.start,
    answered: rows.length,
    institutions: db.institutions.length,
    answers: db.institutions.map((i) => ({ institutionId: i.id, institutionName: i.name, answer: answerOf(rows.find((a) => a.institutionId === i.id)) })),
  };
}
