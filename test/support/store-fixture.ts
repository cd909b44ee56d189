/** A record both store suites write: one institution's attendance at the meeting on 12.05.2022. */
import type { Attendance } from "../../domain/model.ts";

export function attendance(institutionId: string): Attendance {
  return {
    meetingId: "s-2022-05-12",
    institutionId,
    status: "attending",
    attendeeId: `m-${institutionId}`,
    mode: "online",
    present: false,
    checkedInAt: null,
    updatedAt: "2022-05-01T12:00:00+02:00",
    updatedBy: "test",
  };
}
