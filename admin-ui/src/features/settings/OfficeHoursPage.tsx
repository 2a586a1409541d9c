import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { MAX_SPANS_PER_DAY, OfficeHoursBodySchema, WEEKDAYS, type OfficeHoursResponse, type OfficeHoursValue, type Weekday } from '../../../../core/contracts/office-hours-api';
import { describeError } from '../../shared/api/error-messages.vi';
import { Badge } from '../../shared/components/Badge';
import { Button } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { LoadingState } from '../../shared/components/LoadingState';
import { QueryView } from '../../shared/components/QueryView';
import { useToast } from '../../shared/components/Toast';
import { SearchField } from '../../shared/components/Toolbar';
import { formatDateTime } from '../../shared/format/format.vi';
import { foldForSearch } from '../../shared/format/search-fold';
import { unitSubtreeQuery } from '../../shared/queries/units';
import { useCurrentUser } from '../../shared/session/current-user';
import { officeHoursQuery, useSaveOfficeHours } from './api';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Thứ Hai', tue: 'Thứ Ba', wed: 'Thứ Tư', thu: 'Thứ Năm', fri: 'Thứ Sáu', sat: 'Thứ Bảy', sun: 'Chủ nhật' };
/** A new span: the usual morning shift, or the afternoon one after it. */
const NEW_SPANS: [string, string][] = [
  ['07:30', '11:30'],
  ['13:00', '17:00'],
  ['18:00', '21:00'],
  ['21:00', '23:00'],
];
const SHOWN_UNITS = 200;
/**
 * Times typed as 24-hour "07:30". A native time picker shows "07:30 AM" wherever the browser's language is
 * English, which reads wrong for a Vietnamese office; the contract's check names a bad entry at once.
 */
const TIME_INPUT = { type: 'text', inputMode: 'numeric', autoComplete: 'off', maxLength: 5, placeholder: '08:00', className: 'hours-time' } as const;

type Draft = Record<Weekday, [string, string][]>;
const draftOf = (hours: OfficeHoursValue): Draft => Object.fromEntries(WEEKDAYS.map((day) => [day, (hours.days[day] ?? []).map(([a, b]) => [a, b] as [string, string])])) as Draft;
const hoursOf = (draft: Draft, timezone: string): OfficeHoursValue => ({ timezone, days: Object.fromEntries(WEEKDAYS.filter((day) => draft[day].length > 0).map((day) => [day, draft[day]])) });

/** Problems of the draft per day, in Vietnamese, from the same zod contract the server enforces. */
function problemsOf(hours: OfficeHoursValue): Partial<Record<Weekday, string>> {
  const parsed = OfficeHoursBodySchema.safeParse({ officeHours: hours });
  if (parsed.success) return {};
  const problems: Partial<Record<Weekday, string>> = {};
  for (const issue of parsed.error.issues) {
    const day = issue.path[2] as Weekday | undefined;
    if (!day || problems[day]) continue;
    problems[day] = issue.message.includes('overlap')
      ? 'Các ca trong ngày đang chồng lên nhau.'
      : issue.message.includes('at most')
        ? `Tối đa ${MAX_SPANS_PER_DAY} ca một ngày.`
        : issue.message.includes('ends after')
          ? 'Giờ kết thúc phải sau giờ bắt đầu.'
          : 'Giờ chưa đúng dạng 08:00.';
  }
  return problems;
}

function statusText(data: OfficeHoursResponse): string {
  if (data.open) return `Đang trong giờ làm việc${data.closesAt ? `, đến ${formatDateTime(data.closesAt)}` : ''}.`;
  return data.nextOpening ? `Ngoài giờ làm việc. Cán bộ trả lời lại từ ${formatDateTime(data.nextOpening)}.` : 'Đơn vị chưa có giờ làm việc nào trong tuần.';
}

/**
 * Settings → Giờ làm việc (issue #9 gap 3): the hours that decide what members are told at hand-off ("officers
 * answer from 07:30 Monday") and when SLA minutes run. Everyone sees them for their units; admins and leaders
 * edit them for their unit and the units below, or let a unit take its parent's again.
 */
export function OfficeHoursPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const code = params.get('unit') ?? me.unit.code;
  const units = useQuery(unitSubtreeQuery());
  const hours = useQuery(officeHoursQuery(code));
  const [search, setSearch] = useState('');
  const matching = useMemo(() => {
    const needle = foldForSearch(search);
    const all = units.data?.units ?? [];
    const found = needle ? all.filter((unit) => foldForSearch(`${unit.code} ${unit.name}`).includes(needle)) : all;
    const shown = found.slice(0, SHOWN_UNITS);
    // The chosen unit stays in the list even when the search hides it.
    const chosen = all.find((unit) => unit.code === code);
    return chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  }, [units.data, search, code]);

  return (
    <>
      <Card title="Đơn vị">
        <div className="hours-unit-picker">
          <SearchField value={search} onChange={setSearch} placeholder="Tìm theo mã hoặc tên đơn vị" label="Tìm đơn vị" />
          <label className="ui-field">
            <span>Đơn vị</span>
            <select value={code} onChange={(event) => setParams({ unit: event.target.value })} disabled={!units.data}>
              {!units.data && <option value={code}>{code}</option>}
              {matching.map((unit) => (
                <option key={unit.id} value={unit.code}>
                  {unit.name} ({unit.code})
                </option>
              ))}
            </select>
          </label>
        </div>
      </Card>
      <QueryView query={hours} loading={<Card title="Giờ làm việc"><LoadingState variant="table" rows={7} /></Card>}>
        {(data) => <HoursEditor key={`${data.unit.code}:${JSON.stringify(data.own)}`} data={data} />}
      </QueryView>
    </>
  );
}

function HoursEditor({ data }: { data: OfficeHoursResponse }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(data.effective));
  const { save, inherit } = useSaveOfficeHours(data.unit.code);
  const toast = useToast();
  const hours = hoursOf(draft, data.effective.timezone);
  const problems = problemsOf(hours);
  const changed = JSON.stringify(hours) !== JSON.stringify(hoursOf(draftOf(data.effective), data.effective.timezone));
  const valid = Object.keys(problems).length === 0;

  const setDay = (day: Weekday, spans: [string, string][]) => setDraft((current) => ({ ...current, [day]: spans }));
  const source = data.own ? 'Giờ riêng của đơn vị này' : data.inheritedFrom ? `Theo giờ của ${data.inheritedFrom.name}` : 'Theo giờ mặc định toàn quốc (Thứ Hai – Thứ Sáu, 07:30–11:30 và 13:00–17:00)';
  const fail = (error: unknown) => toast.show(describeError(error).title, 'danger');

  return (
    <Card
      title={`Giờ làm việc: ${data.unit.name}`}
      actions={data.open ? <Badge tone="success" dot>Đang trong giờ</Badge> : <Badge tone="warning" dot>Ngoài giờ</Badge>}
    >
      <div className="hours-facts">
        <p>
          <strong>{source}.</strong> {statusText(data)}
        </p>
        <p className="notify-muted">
          Đoàn viên được báo giờ này khi chuyển tới cán bộ; thời hạn xử lý (SLA) chỉ tính trong giờ làm việc.{' '}
          {data.medianWaitMinutes === null ? 'Chưa có số liệu thời gian chờ.' : `Thời gian chờ thường gặp: khoảng ${Math.round(data.medianWaitMinutes)} phút.`}
        </p>
      </div>
      {!data.canEdit && <p className="hours-readonly">Chỉ quản trị viên và lãnh đạo công đoàn được sửa giờ làm việc.</p>}
      <fieldset className="hours-week" disabled={!data.canEdit || save.isPending || inherit.isPending}>
        <legend className="ui-visually-hidden">Giờ làm việc trong tuần</legend>
        {WEEKDAYS.map((day) => (
          <div key={day} className={problems[day] ? 'hours-day invalid' : 'hours-day'} data-day={day}>
            <label className="hours-day-name">
              <input type="checkbox" checked={draft[day].length > 0} onChange={(event) => setDay(day, event.target.checked ? [...NEW_SPANS.slice(0, 2)] : [])} />
              {DAY_NAMES[day]}
            </label>
            <div className="hours-spans">
              {draft[day].length === 0 && <span className="notify-muted">Nghỉ</span>}
              {draft[day].map(([from, to], index) => (
                <span key={index} className="hours-span">
                  <input {...TIME_INPUT} aria-label={`${DAY_NAMES[day]}, ca ${index + 1}, bắt đầu`} value={from} onChange={(event) => setDay(day, draft[day].map((span, i) => (i === index ? [event.target.value, span[1]] : span)))} />
                  <span aria-hidden="true">–</span>
                  <input {...TIME_INPUT} aria-label={`${DAY_NAMES[day]}, ca ${index + 1}, kết thúc`} value={to} onChange={(event) => setDay(day, draft[day].map((span, i) => (i === index ? [span[0], event.target.value] : span)))} />
                  {data.canEdit && (
                    <button type="button" className="ui-icon-button" aria-label={`Xoá ca ${index + 1} của ${DAY_NAMES[day]}`} onClick={() => setDay(day, draft[day].filter((_, i) => i !== index))}>
                      ×
                    </button>
                  )}
                </span>
              ))}
              {data.canEdit && draft[day].length > 0 && draft[day].length < MAX_SPANS_PER_DAY && (
                <Button size="sm" variant="ghost" onClick={() => setDay(day, [...draft[day], NEW_SPANS[draft[day].length] ?? ['18:00', '21:00']])}>
                  + Thêm ca
                </Button>
              )}
            </div>
            {problems[day] && (
              <p className="hours-problem" role="alert">
                {problems[day]}
              </p>
            )}
          </div>
        ))}
      </fieldset>
      {data.canEdit && (
        <div className="hours-actions">
          <Button variant="primary" icon="check" disabled={!valid || (!changed && data.own !== null)} loading={save.isPending} onClick={() => save.mutate(hours, { onSuccess: () => toast.show('Đã lưu giờ làm việc.'), onError: fail })}>
            {data.own ? 'Lưu giờ làm việc' : 'Đặt giờ riêng cho đơn vị'}
          </Button>
          {changed && (
            <Button variant="ghost" onClick={() => setDraft(draftOf(data.effective))}>
              Hoàn tác
            </Button>
          )}
          {data.own && (
            <Button variant="secondary" icon="undo" loading={inherit.isPending} onClick={() => inherit.mutate(undefined, { onSuccess: () => toast.show('Đơn vị dùng lại giờ của đơn vị cấp trên.'), onError: fail })}>
              Dùng giờ của đơn vị cấp trên
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
