/**
 * Turns untrusted JSON into a `LaborInput`, or says everything that is wrong with it, each
 * problem naming its entry ('work[3]: end 09:00 is before start 17:00'). A problem is a returned
 * value, never an exception: the CLI prints the list and exits with 2, the API returns it.
 */
import {
  MINUTES_PER_DAY,
  formatClockMinutes,
  parseClockMinutes,
  parseIsoDate,
  weekdays,
  type Weekday,
} from './labor-calendar';
import {
  laborMethods,
  laborRelations,
  type Agreement36,
  type LaborEmployer,
  type LaborInput,
  type LaborMethod,
  type LaborProgramme,
  type WorkSegment,
} from './labor-input';
import {
  AGREEMENT_MONTHLY_LIMIT_MINUTES,
  AGREEMENT_YEARLY_LIMIT_MINUTES,
  SPECIAL_CLAUSE_YEARLY_LIMIT_MINUTES,
} from './labor-rules';

export type LaborInputValidation =
  { ok: true; input: LaborInput } | { ok: false; problems: string[] };

type Fields = Record<string, unknown>;

/** The latest a segment may end, as a clock time on its start date: 47:59. */
const MAX_END_HOUR = 47;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

function isWholeMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function choices(options: readonly string[]): string {
  return options.map((o) => `"${o}"`).join(', ');
}

/**
 * Checks the shape and the sense of the input: real dates, times that end after they start,
 * known employers, no two overlapping segments at one employer, and the fields each relation
 * and method needs. Unknown fields are problems too, so a misspelt optional field cannot be
 * silently ignored.
 *
 * A segment past midnight is written with an end beyond 24:00 ('22:00'–'29:00'); an end at or
 * before the start is a problem, because it is more often a typo than a night shift.
 *
 * @example
 * validateLaborInput({ method: 'principle', employers: [], work: [] })
 * // → { ok: false, problems: ['employers: must list at least one employer'] }
 */
export function validateLaborInput(raw: unknown): LaborInputValidation {
  const problems: string[] = [];
  if (!isFields(raw)) return { ok: false, problems: ['input: must be a JSON object'] };
  reportUnknownFields(raw, ['method', 'employers', 'work', 'programme'], 'input', problems);

  const method = raw.method;
  if (!isOneOf(laborMethods, method)) {
    problems.push(`method: must be one of ${choices(laborMethods)}, got ${describe(method)}`);
  }
  const employers = validateEmployers(
    raw.employers,
    isOneOf(laborMethods, method) ? method : 'principle',
    problems,
  );
  const known = new Set(employers.map((e) => e.id));
  const work = validateWork(raw.work, known, problems);
  const programme =
    raw.programme === undefined ? undefined : validateProgramme(raw.programme, known, problems);

  if (problems.length > 0 || !isOneOf(laborMethods, method)) return { ok: false, problems };
  const input: LaborInput = { method, employers, work };
  if (programme !== undefined) input.programme = programme;
  return { ok: true, input };
}

function reportUnknownFields(
  fields: Fields,
  allowed: readonly string[],
  path: string,
  problems: string[],
): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) problems.push(`${path}.${key}: unknown field`);
  }
}

const employerFields = [
  'id',
  'contractSignedOn',
  'relation',
  'weekStartsOn',
  'legalHoliday',
  'hourlyWageYen',
  'monthlyCapMinutes',
  'agreement36',
] as const;

function validateEmployers(raw: unknown, method: LaborMethod, problems: string[]): LaborEmployer[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('employers: must list at least one employer');
    return [];
  }
  const employers: LaborEmployer[] = [];
  const firstIndexOfId = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const path = `employers[${index}]`;
    if (!isFields(entry)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    reportUnknownFields(entry, employerFields, path, problems);
    const before = problems.length;

    const id = entry.id;
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push(`${path}.id: must be a non-empty string, got ${describe(id)}`);
    } else if (firstIndexOfId.has(id)) {
      problems.push(`${path}.id: "${id}" is already employers[${firstIndexOfId.get(id)}]`);
    } else {
      firstIndexOfId.set(id, index);
    }
    const contractSignedOn = entry.contractSignedOn;
    if (typeof contractSignedOn !== 'string' || parseIsoDate(contractSignedOn) === null) {
      problems.push(
        `${path}.contractSignedOn: not a date (YYYY-MM-DD), got ${describe(contractSignedOn)}`,
      );
    }
    const relation = entry.relation;
    if (!isOneOf(laborRelations, relation)) {
      problems.push(
        `${path}.relation: must be one of ${choices(laborRelations)}, got ${describe(relation)}`,
      );
    }
    const isEmployee = relation === 'employee';

    const weekStartsOn = optionalWeekday(entry.weekStartsOn, `${path}.weekStartsOn`, problems);
    const legalHoliday = optionalWeekday(entry.legalHoliday, `${path}.legalHoliday`, problems);
    if (isEmployee && entry.weekStartsOn === undefined) {
      problems.push(`${path}.weekStartsOn: required for an employee`);
    }
    if (isEmployee && entry.legalHoliday === undefined) {
      problems.push(`${path}.legalHoliday: required for an employee`);
    }

    const hourlyWageYen = entry.hourlyWageYen;
    if (hourlyWageYen === undefined) {
      if (relation !== 'contractor' && isOneOf(laborRelations, relation)) {
        problems.push(`${path}.hourlyWageYen: required for an ${relation}`);
      }
    } else if (!isWholeMinutes(hourlyWageYen)) {
      problems.push(
        `${path}.hourlyWageYen: must be a whole number of yen ≥ 0, got ${describe(hourlyWageYen)}`,
      );
    }

    const monthlyCapMinutes = entry.monthlyCapMinutes;
    if (monthlyCapMinutes === undefined) {
      if (method === 'management-model' && isEmployee) {
        problems.push(
          `${path}.monthlyCapMinutes: required for an employee in the management model`,
        );
      }
    } else if (!isWholeMinutes(monthlyCapMinutes)) {
      problems.push(
        `${path}.monthlyCapMinutes: must be a whole number of minutes ≥ 0, got ${describe(monthlyCapMinutes)}`,
      );
    }

    const agreement36 = validateAgreement36(entry.agreement36, `${path}.agreement36`, problems);

    if (
      problems.length > before ||
      typeof id !== 'string' ||
      typeof contractSignedOn !== 'string' ||
      !isOneOf(laborRelations, relation)
    ) {
      return;
    }
    const employer: LaborEmployer = { id, contractSignedOn, relation };
    if (weekStartsOn !== undefined) employer.weekStartsOn = weekStartsOn;
    if (legalHoliday !== undefined) employer.legalHoliday = legalHoliday;
    if (isWholeMinutes(hourlyWageYen)) employer.hourlyWageYen = hourlyWageYen;
    if (isWholeMinutes(monthlyCapMinutes)) employer.monthlyCapMinutes = monthlyCapMinutes;
    if (agreement36 !== undefined) employer.agreement36 = agreement36;
    employers.push(employer);
  });
  // Segments naming an employer whose own entry was wrong are not reported a second time.
  for (const id of firstIndexOfId.keys()) {
    if (!employers.some((e) => e.id === id)) employers.push(placeholderEmployer(id));
  }
  return employers;
}

/** Stands in for an employer entry that had problems, so its segments are still checked. */
function placeholderEmployer(id: string): LaborEmployer {
  return { id, contractSignedOn: '1970-01-01', relation: 'contractor' };
}

function optionalWeekday(value: unknown, path: string, problems: string[]): Weekday | undefined {
  if (value === undefined) return undefined;
  if (isOneOf(weekdays, value)) return value;
  problems.push(
    `${path}: must be a weekday in lower case ("sunday" … "saturday"), got ${describe(value)}`,
  );
  return undefined;
}

function validateAgreement36(
  raw: unknown,
  path: string,
  problems: string[],
): Agreement36 | null | undefined {
  if (raw === undefined || raw === null) return raw;
  if (!isFields(raw)) {
    problems.push(`${path}: must be an object, or null when no agreement is filed`);
    return undefined;
  }
  reportUnknownFields(
    raw,
    ['specialClause', 'monthlyLimitMinutes', 'yearlyLimitMinutes', 'yearStartMonth'],
    path,
    problems,
  );
  const before = problems.length;
  const specialClause = raw.specialClause;
  if (typeof specialClause !== 'boolean') {
    problems.push(`${path}.specialClause: must be true or false, got ${describe(specialClause)}`);
  }
  const agreement: Agreement36 = { specialClause: specialClause === true };
  const monthly = raw.monthlyLimitMinutes;
  if (monthly !== undefined) {
    if (!isWholeMinutes(monthly) || monthly > AGREEMENT_MONTHLY_LIMIT_MINUTES) {
      problems.push(
        `${path}.monthlyLimitMinutes: must be whole minutes from 0 to ${AGREEMENT_MONTHLY_LIMIT_MINUTES} (45 h, 労働基準法36条4項), got ${describe(monthly)}`,
      );
    } else {
      agreement.monthlyLimitMinutes = monthly;
    }
  }
  const yearly = raw.yearlyLimitMinutes;
  if (yearly !== undefined) {
    const max =
      specialClause === true ? SPECIAL_CLAUSE_YEARLY_LIMIT_MINUTES : AGREEMENT_YEARLY_LIMIT_MINUTES;
    if (!isWholeMinutes(yearly) || yearly > max) {
      problems.push(
        `${path}.yearlyLimitMinutes: must be whole minutes from 0 to ${max} (${max / 60} h, 労働基準法36条${specialClause === true ? 5 : 4}項), got ${describe(yearly)}`,
      );
    } else {
      agreement.yearlyLimitMinutes = yearly;
    }
  }
  const yearStartMonth = raw.yearStartMonth;
  if (yearStartMonth !== undefined) {
    if (isWholeMinutes(yearStartMonth) && yearStartMonth >= 1 && yearStartMonth <= 12) {
      agreement.yearStartMonth = yearStartMonth;
    } else {
      problems.push(
        `${path}.yearStartMonth: must be a month from 1 to 12, got ${describe(yearStartMonth)}`,
      );
    }
  }
  return problems.length > before ? undefined : agreement;
}

const workFields = ['employer', 'date', 'start', 'end', 'breakMinutes', 'contracted'] as const;

function validateWork(raw: unknown, known: ReadonlySet<string>, problems: string[]): WorkSegment[] {
  if (!Array.isArray(raw)) {
    problems.push('work: must be a list of segments');
    return [];
  }
  const work: WorkSegment[] = [];
  /** Valid segments by employer, for the overlap check: [start, end) in absolute minutes. */
  const spans = new Map<string, { index: number; start: number; end: number }[]>();
  raw.forEach((entry: unknown, index) => {
    const path = `work[${index}]`;
    if (!isFields(entry)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    reportUnknownFields(entry, workFields, path, problems);
    const before = problems.length;

    const employer = entry.employer;
    if (typeof employer !== 'string') {
      problems.push(`${path}.employer: must be an employer id, got ${describe(employer)}`);
    } else if (!known.has(employer)) {
      problems.push(`${path}: unknown employer "${employer}"`);
    }
    const date = entry.date;
    const day = typeof date === 'string' ? parseIsoDate(date) : null;
    if (day === null) problems.push(`${path}.date: not a date (YYYY-MM-DD), got ${describe(date)}`);
    const start = typeof entry.start === 'string' ? parseClockMinutes(entry.start, 23) : null;
    if (start === null) {
      problems.push(
        `${path}.start: must be a time from 00:00 to 23:59, got ${describe(entry.start)}`,
      );
    }
    const end = typeof entry.end === 'string' ? parseClockMinutes(entry.end, MAX_END_HOUR) : null;
    if (end === null) {
      problems.push(
        `${path}.end: must be a time from 00:00 to 47:59 (past midnight as 24:00 and on), got ${describe(entry.end)}`,
      );
    }
    if (start !== null && end !== null) {
      if (end < start) {
        problems.push(
          `${path}: end ${formatClockMinutes(end)} is before start ${formatClockMinutes(start)} (write a shift past midnight as ${formatClockMinutes(end + MINUTES_PER_DAY)})`,
        );
      } else if (end === start) {
        problems.push(`${path}: end ${formatClockMinutes(end)} is the same as start`);
      } else if (end - start > MINUTES_PER_DAY) {
        problems.push(
          `${path}: lasts more than 24 h (${formatClockMinutes(start)}–${formatClockMinutes(end)})`,
        );
      }
    }
    const breakMinutes = entry.breakMinutes;
    if (!isWholeMinutes(breakMinutes)) {
      problems.push(
        `${path}.breakMinutes: must be whole minutes ≥ 0, got ${describe(breakMinutes)}`,
      );
    } else if (start !== null && end !== null && end > start && breakMinutes >= end - start) {
      problems.push(
        `${path}.breakMinutes: ${breakMinutes} is not shorter than the segment (${end - start} min)`,
      );
    }
    const contracted = entry.contracted;
    if (typeof contracted !== 'boolean') {
      problems.push(`${path}.contracted: must be true or false, got ${describe(contracted)}`);
    }

    if (
      problems.length > before ||
      typeof employer !== 'string' ||
      typeof date !== 'string' ||
      day === null ||
      typeof entry.start !== 'string' ||
      start === null ||
      typeof entry.end !== 'string' ||
      end === null ||
      !isWholeMinutes(breakMinutes) ||
      typeof contracted !== 'boolean'
    ) {
      return;
    }
    work.push({ employer, date, start: entry.start, end: entry.end, breakMinutes, contracted });
    const absoluteStart = day * MINUTES_PER_DAY + start;
    const list = spans.get(employer) ?? [];
    list.push({ index, start: absoluteStart, end: absoluteStart + end - start });
    spans.set(employer, list);
  });

  for (const [employer, list] of spans) {
    list.sort((a, b) => a.start - b.start || a.index - b.index);
    let latest = list[0];
    for (const span of list.slice(1)) {
      if (latest !== undefined && span.start < latest.end) {
        const [earlier, later] = latest.index < span.index ? [latest, span] : [span, latest];
        problems.push(
          `work[${later.index}]: overlaps work[${earlier.index}] of employer ${employer}`,
        );
      }
      if (latest === undefined || span.end > latest.end) latest = span;
    }
  }
  return work;
}

function validateProgramme(
  raw: unknown,
  known: ReadonlySet<string>,
  problems: string[],
): LaborProgramme | undefined {
  const path = 'programme';
  if (!isFields(raw)) {
    problems.push(`${path}: must be an object`);
    return undefined;
  }
  reportUnknownFields(
    raw,
    ['employer', 'capPercentOfContracted', 'approvalRequired', 'engagements'],
    path,
    problems,
  );
  const before = problems.length;
  const employer = raw.employer;
  if (typeof employer !== 'string' || !known.has(employer)) {
    problems.push(
      `${path}.employer: must name an employer of this input, got ${describe(employer)}`,
    );
  }
  const cap = raw.capPercentOfContracted;
  if (typeof cap !== 'number' || !Number.isFinite(cap) || cap < 0 || cap > 100) {
    problems.push(
      `${path}.capPercentOfContracted: must be a percentage from 0 to 100, got ${describe(cap)}`,
    );
  }
  const approvalRequired = raw.approvalRequired;
  if (typeof approvalRequired !== 'boolean') {
    problems.push(
      `${path}.approvalRequired: must be true or false, got ${describe(approvalRequired)}`,
    );
  }
  const engagements: LaborProgramme['engagements'] = [];
  if (!Array.isArray(raw.engagements)) {
    problems.push(`${path}.engagements: must be a list`);
  } else {
    const seen = new Set<string>();
    raw.engagements.forEach((entry: unknown, index) => {
      const at = `${path}.engagements[${index}]`;
      if (!isFields(entry)) {
        problems.push(`${at}: must be an object`);
        return;
      }
      reportUnknownFields(entry, ['employer', 'approved'], at, problems);
      const id = entry.employer;
      if (typeof id !== 'string' || !known.has(id)) {
        problems.push(`${at}.employer: must name an employer of this input, got ${describe(id)}`);
      } else if (id === employer) {
        problems.push(
          `${at}.employer: "${id}" runs the programme; it cannot be its own engagement`,
        );
      } else if (seen.has(id)) {
        problems.push(`${at}.employer: "${id}" is listed twice`);
      }
      if (typeof id === 'string') seen.add(id);
      if (typeof entry.approved !== 'boolean') {
        problems.push(`${at}.approved: must be true or false, got ${describe(entry.approved)}`);
      }
      if (typeof id === 'string' && typeof entry.approved === 'boolean') {
        engagements.push({ employer: id, approved: entry.approved });
      }
    });
  }
  if (
    problems.length > before ||
    typeof employer !== 'string' ||
    typeof cap !== 'number' ||
    typeof approvalRequired !== 'boolean'
  ) {
    return undefined;
  }
  return { employer, capPercentOfContracted: cap, approvalRequired, engagements };
}
