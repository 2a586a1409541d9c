/**
 * Who ends the job in a termination question: the employer ("bị đuổi việc", "công ty cho em nghỉ việc", "bị sa
 * thải") or the employee ("tự nghỉ", "nghỉ ngang", "xin nghỉ việc"). The matcher's grams cannot see it: "bị đuổi
 * việc ngang … đền mấy tháng lương" shares "ngang", "báo trước", "đền", "tháng lương" with the entry about the
 * employee quitting as much as with the one about unlawful dismissal, and the law answers the two in opposite
 * directions (issue #11, D-answers-19). Only a few unambiguous cues, in folded syllables: "cho nghỉ" alone is also
 * leave granted and "xin nghỉ" a day off, so they are cues only with "việc" after them.
 */
export type Actor = 'employer' | 'employee';

const EMPLOYER_CUES = [
  'duoi viec', 'bi duoi', 'duoi em', 'duoi toi', 'duoi minh', 'duoi nguoi', 'sa thai', 'cho nghi viec', 'cho thoi viec', 'bi cho nghi', 'bi nghi viec', 'cho em nghi viec',
  'cho toi nghi viec', 'cho minh nghi viec', 'cho e nghi viec', 'cho em thoi viec', 'cho toi thoi viec',
  'bi ep', 'ep viet don', 'ep nghi', 'bi cham dut hop dong', 'cong ty cham dut', 'cty cham dut', 'cong ty don phuong', 'cty don phuong',
] as const;

const EMPLOYEE_CUES = [
  'tu nghi', 'tu y nghi', 'nghi ngang', 'xin nghi viec', 'xin thoi viec', 'bo viec', 'em nghi viec', 'toi nghi viec',
  'minh nghi viec', 'e nghi viec', 'nghi viec ngang', 'nguoi lao dong don phuong', 'nld don phuong',
  'em don phuong', 'toi don phuong',
] as const;

/**
 * A side named as the subject of ending the contract, with the modal words questions put between ("Người lao động
 * có quyền đơn phương chấm dứt hợp đồng …", "công ty có được đơn phương …", "cty muốn chấm dứt hợp đồng"): the fixed
 * cues above need the two words side by side, and the formal question named nobody, so the employer's article
 * answered the worker's question (D-answers-24). Built as subject × modal × act, all folded.
 */
const EMPLOYER_SUBJECTS = ['cong ty', 'cty', 'doanh nghiep', 'nguoi su dung lao dong', 'nguoi su dung', 'nsdld'] as const;
const EMPLOYEE_SUBJECTS = ['nguoi lao dong', 'nld', 'cong nhan', 'nhan vien'] as const;
const MODALS = ['', 'co quyen', 'duoc', 'duoc quyen', 'co duoc', 'co the', 'muon', 'se', 'dinh', 'lai'] as const;
const ACTS = ['don phuong', 'cham dut hop dong', 'cham dut hd'] as const;
const subjectActs = (subjects: readonly string[], acts: readonly string[] = ACTS) =>
  subjects.flatMap((subject) => MODALS.flatMap((modal) => acts.map((act) => [subject, modal, act].filter((part) => part !== '').join(' '))));
/**
 * "bị cty đuổi ngang", "công ty đuổi em": the employer named before "đuổi", which the fixed cues ("bị đuổi", "đuổi
 * việc") miss when the subject stands between; the teencode complaint "e bi cty duoi ngang ko bao truoc thi dc den gi
 * ko" was answered with what a worker who quits owes. Folded, "đuổi" is also "dưới" ("công ty dưới 10 người"), so
 * only with what follows a dismissal: whom, "ngang", "rồi", "luôn".
 */
const DISMISSALS = ['ngang', 'em', 'e', 'toi', 'minh', 'roi', 'luon'].map((after) => `duoi ${after}`);

/**
 * The member quitting at once, said of themselves ("em muốn nghỉ ngay", "tôi nghỉ luôn", "mình định nghỉ việc
 * luôn"): "nghỉ ngay / luôn" alone is no cue, since "công ty cho em nghỉ luôn" is the employer's act, so the member
 * must be its subject or want it ("muốn nghỉ ngay"); "cho / bắt / bị / ép <someone> nghỉ …" is set aside first
 * (OTHERS_ACT). The worker's right to quit without notice was answered with the employer's grounds (issue #11).
 */
const SELVES = ['em', 'e', 'toi', 'minh', 'tui'] as const;
const SELF_MODALS = ['', 'muon', 'dinh', 'se', 'xin', 'duoc', 'co the', 'phai', 'tinh'] as const;
const AT_ONCE = ['nghi ngay', 'nghi luon', 'nghi viec ngay', 'nghi viec luon', 'nghi lam luon', 'nghi lam ngay'] as const;
const SELF_QUITS = [
  ...SELVES.flatMap((self) => SELF_MODALS.flatMap((modal) => AT_ONCE.map((act) => [self, modal, act].filter((part) => part !== '').join(' ')))),
  ...AT_ONCE.map((act) => `muon ${act}`),
];
const OTHERS_ACT = ['cho', 'bat', 'bi', 'ep', 'duoi'].flatMap((verb) => ['', ...SELVES].flatMap((self) => [verb, self, 'nghi'].filter((part) => part !== '').join(' ')));

const padded = (cues: readonly string[]) => cues.map((cue) => ` ${cue} `);
const EMPLOYER = padded([...EMPLOYER_CUES, ...subjectActs(EMPLOYER_SUBJECTS), ...subjectActs(EMPLOYER_SUBJECTS, DISMISSALS)]);
const EMPLOYEE = padded([...EMPLOYEE_CUES, ...subjectActs(EMPLOYEE_SUBJECTS), ...SELF_QUITS]);
const NEUTRAL = padded(OTHERS_ACT);

/** The actor a text names, or null when it names none or both ("bị đuổi nên em tự nghỉ luôn" tells nothing apart). */
export function actorOf(folded: readonly string[]): Actor | null {
  const text = ` ${folded.join(' ')} `;
  const employer = EMPLOYER.some((cue) => text.includes(cue));
  // "cho em nghỉ việc" holds "em nghỉ việc": the employer's cue takes its words before the employee's are looked for.
  // "cho em nghỉ luôn" holds "em nghỉ luôn" too, and says nothing sure: set aside as well, counted for no side.
  const rest = [...EMPLOYER, ...NEUTRAL].reduce((left, cue) => left.split(cue).join(' | '), text);
  const employee = EMPLOYEE.some((cue) => rest.includes(cue));
  if (employer === employee) return null;
  return employer ? 'employer' : 'employee';
}

/**
 * An entry's actor: the one its phrasings name, when none of them names the other and at least a third of them
 * name it (an entry about unemployment benefit with one "tự nghỉ việc" variant is not about who quits). An entry
 * whose phrasings disagree (a comparison, or both sides' notice periods) has none and is never moved.
 */
export function entryActorOf(phrasings: readonly (readonly string[])[]): Actor | null {
  let employer = 0;
  let employee = 0;
  for (const folded of phrasings) {
    const actor = actorOf(folded);
    if (actor === 'employer') employer += 1;
    if (actor === 'employee') employee += 1;
  }
  const enough = (count: number) => count > 0 && 3 * count >= phrasings.length;
  if (enough(employer) && employee === 0) return 'employer';
  if (enough(employee) && employer === 0) return 'employee';
  return null;
}
