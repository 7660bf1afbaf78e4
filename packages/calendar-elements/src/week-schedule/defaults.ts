import type { ScheduleEntry, ScheduleEntryInput, WeekSchedule, WeekScheduleInput } from '@egov-vn/calendar/schedule';

/**
 * A schedule as written by hand (the model's input type: `status`, `revisions`, `participants`, `revisionLabel`, …
 * may be left out) with the model's defaults filled in, as `weekScheduleSchema.parse` would give it — without loading
 * zod for a read-only view. A test compares it with the zod model, so the two cannot drift apart.
 */
export function withScheduleDefaults(input: WeekScheduleInput): WeekSchedule {
  return {
    ...input,
    revisionLabel: input.revisionLabel ?? 'Dự thảo',
    entries: (input.entries ?? []).map(entryWithDefaults),
  };
}

function entryWithDefaults(entry: ScheduleEntryInput): ScheduleEntry {
  const { online, ...rest } = entry;
  return {
    ...rest,
    participants: entry.participants ?? [],
    status: entry.status ?? 'planned',
    revisions: entry.revisions ?? [],
    ...(online ? { online: { ...online, endpoints: online.endpoints ?? [] } } : {}),
  };
}
