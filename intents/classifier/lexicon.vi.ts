/**
 * Cue words for the lexicon features, FOLDED (no diacritics) so that accented and unaccented messages fire
 * the same cue. Phrases match whole syllables. Each category becomes one feature ("lex:grievance"); the
 * model learns how much each matters per head. Data, not logic: extend from misclassified messages.
 */
export const LEXICON = {
  grievance: [
    'no luong', 'cham luong', 'tre luong', 'tru luong', 'cat luong', 'giam luong', 'khong tra', 'chua tra', 'quyt',
    'bi duoi', 'duoi viec', 'sa thai', 'cho nghi viec', 'ep', 'bat ky', 'bat lam', 'boc lot', 'cat xen', 'phat tien',
    'khong dong', 'chua dong', 'no bao hiem', 'bo tron', 'xu ep', 'bat nat', 'thieu', 'khong cho', 'doa', 'ban',
    'bi tru', 'bi cat', 'bi ep', 'bi bat', 'bi phat', 'bi mang', 'bi chui', 'bi danh', 'khong duoc nghi', 'nong qua',
    'oi buc', 'hoi thoi', 'ngat', 'khong an toan', 'nguy hiem', 'qua tai', 'bat tang ca', 'lam qua gio',
  ],
  distress: [
    'met', 'chan', 'buon', 'lo', 'so', 'buc xuc', 'kho', 'ap luc', 'tuc', 'that vong', 'cang thang', 'kiet suc',
    'uat uc', 'bat luc', 'tuyet vong', 'khoc', 'hoang', 'lo lang', 'bat an', 'nan', 'ngan', 'khong chiu noi',
    'het chiu', 'qua dang', 'vo ly', 'bat cong', 'te', 'toi te', 'kem', 'do', 'chan nan', 'ghet', 'phien',
  ],
  urgency: [
    'gap', 'khan', 'khan cap', 'ngay', 'ngay bay gio', 'bay gio', 'cuu', 'cuu voi', 'giup voi', 'cap cuu',
    'dang', 'vua', 'luc nay', 'lien', 'toi nay', 'hom nay',
  ],
  insult: [
    'ngu', 'dien', 'vo dung', 'vo tich su', 'dm', 'dmm', 'dcm', 'vl', 'vcl', 'vkl', 'cc', 'clgt', 'dkm', 'cut',
    'lua dao', 'vo trach nhiem', 'an hai', 'mat day', 'do', 'chui', 'mang',
  ],
  thanks: ['cam on', 'tks', 'thanks', 'thank', 'biet on', 'tri an', 'cam on nhieu', 'da ta'],
  praise: [
    'tot', 'hay', 'tuyet', 'tuyet voi', 'hai long', 'vui', 'on', 'chu dao', 'nhiet tinh', 'tan tinh', 'kip thoi',
    'yen tam', 'nhe nhom', 'ung ho', 'huu ich', 'sach se', 'ngon', 'thoai mai', 'xuat sac', 'cai thien', 'hop ly',
  ],
  intensifier: ['qua', 'lam', 'rat', 'cuc', 'cuc ky', 'vo cung', 'that su', 'thuc su', 'qua troi', 'kinh khung', 'ghe', 'het suc'],
  question: [
    'bao nhieu', 'the nao', 'nhu the nao', 'lam sao', 'ra sao', 'o dau', 'khi nao', 'bao gio', 'bao lau', 'gi',
    'khong a', 'duoc khong', 'phai khong', 'co phai', 'co duoc', 'cho hoi', 'hoi', 'xin hoi', 'tai sao', 'vi sao',
    'ai', 'nao', 'the nao', 'co can', 'co bi', 'can gi', 'thu tuc', 'quy dinh', 'muon biet', 'huong dan',
  ],
  hypothetical: ['neu', 'gia su', 'truong hop', 'lieu', 'khi nao thi', 'gia nhu'],
  handoff: [
    'can bo', 'nguoi that', 'tu van vien', 'nhan vien', 'gap', 'noi chuyen', 'goi lai', 'goi cho', 'hotline',
    'truc', 'co ai', 'truc tiep', 'nguoi ho tro', 'lien he', 'so dien thoai', 'chuyen cho', 'ket noi', 'nhan lai',
  ],
  botComplaint: ['bot', 'chatbot', 'may', 'tu dong', 'khong hieu', 'tra loi sai', 'hoi hoai', 'khong ra', 'khong giup'],
  greeting: ['xin chao', 'chao', 'alo', 'hello', 'hi', 'chao ban', 'chao em', 'chao ad', 'a lo'],
  farewell: ['tam biet', 'bye', 'bai bai', 'hen gap lai', 'chao nhe', 'di ngu', 'chuc ngu ngon'],
  botIdentity: ['ban la ai', 'la ai', 'ban ten gi', 'ban lam duoc gi', 'giup duoc gi', 'robot', 'tro ly'],
  acknowledgement: ['ok', 'vang', 'da', 'u', 'um', 'duoc roi', 'hieu roi', 'ro roi', 'nhe', 'oke'],
  emergency: ['tai nan', 'bi thuong', 'chay', 'no', 'sap', 'ngat xiu', 'ngo doc', 'cap cuu', 'chay mau', 'gay', 'bong', 'dien giat', 'tu tu', 'muon chet'],
  work: [
    'cong ty', 'xuong', 'nha may', 'quan ly', 'to truong', 'sep', 'chuyen', 'ca', 'luong', 'hop dong', 'cong doan',
    'bao hiem', 'lao dong', 'cong nhan', 'nghi phep', 'tang ca', 'giam doc', 'nhan su', 'viec',
  ],
  firstPersonHarm: ['em bi', 'toi bi', 'minh bi', 'chung em bi', 'chung toi bi', 'tui bi', 'bi'],
  // Topic cues: one per topic, so that a topic seen with few examples still has a strong, shared signal.
  topicWages: ['luong', 'thu nhap', 'thuong', 'phu cap', 'tang luong', 'luong toi thieu', 'bac luong', 'phieu luong', 'khoan san pham', 'don gia', 'tien cong', 'thuong tet', 'luong co ban'],
  topicArrears: ['no luong', 'cham luong', 'tre luong', 'chua tra luong', 'khong tra luong', 'giu luong', 'tru luong', 'khau tru', 'phat tien', 'no tien', 'doi luong', 'quyt', 'bo tron', 'pha san', 'giam doc bo tron'],
  topicWorkingTime: ['tang ca', 'ca dem', 'gio lam', 'lam them', 'nghi phep', 'phep nam', 'ngay nghi', 'nghi le', 'nghi tet', 'chu nhat', 'nghi giua ca', 'doi ca', 'ca kip', 'gio giac', 'nghi om', 'viec rieng'],
  topicContract: ['hop dong', 'thu viec', 'ky hop dong', 'gia han', 'thoi vu', 'hop dong dich vu', 'bang goc', 'giu giay to', 'phu luc', 'dieu khoan', 'khong xac dinh thoi han', 'xac dinh thoi han'],
  topicTermination: ['nghi viec', 'thoi viec', 'sa thai', 'duoi viec', 'cho nghi', 'cat giam', 'chap dut', 'bao truoc', 'tro cap thoi viec', 'mat viec', 'don nghi', 'xin nghi', 'giai the', 'tu nguyen nghi'],
  topicMaternity: ['thai san', 'mang thai', 'co bau', 'bau', 'sinh con', 'sinh', 'kham thai', 'cho con bu', 'nuoi con', 'vo sinh', 'con nho', 'say thai', 'sinh mo', 'nghi de'],
  topicInsurance: ['bao hiem', 'bhxh', 'bhyt', 'bhtn', 'so bao hiem', 'that nghiep', 'tro cap that nghiep', 'luong huu', 'huu tri', 'rut mot lan', 'chot so', 'om dau', 'the bao hiem', 'dong bao hiem'],
  topicSafety: ['an toan', 'tai nan', 'bao ho', 'hoa chat', 'may moc', 'nong', 'bui', 'tieng on', 'kham suc khoe', 'benh nghe nghiep', 'chay no', 'khau trang', 'gang tay', 'nha ve sinh', 'nuoc uong', 'ngat', 'doc hai'],
  topicHarassment: ['quay roi', 'chui', 'mang', 'xuc pham', 'danh', 'sam so', 'phan biet', 'ky thi', 'bat nat', 'la mang', 'nhuc ma', 'trong ghe', 'de doa', 'dong cham', 'tan cong'],
  topicUnion: ['cong doan', 'doan vien', 'doan phi', 'cdcs', 'ban chap hanh', 'cong doan co so', 'lien doan lao dong', 'qua tet', 've xe', 'mai am', 'phuc loi', 'ket nap', 'the doan vien', 'dai hoi'],
  topicDispute: ['dinh cong', 'ngung viec', 'tranh chap', 'hoa giai', 'doi thoai', 'thuong luong', 'tap trung', 'kien', 'toa an', 'trong tai', 'lan cong', 'khieu nai', 'to cao', 'thoa uoc'],
  topicLiving: ['bua an', 'com', 'suat an', 'nha tro', 'phong tro', 'tien tro', 'tien nha', 'nha o', 'xe dua don', 'dua don', 'nha tre', 'gui con', 'gia ca', 'tien dien', 'tien nuoc', 'cang tin', 'ky tuc xa', 'nha xe'],
  topicSkills: ['hoc nghe', 'dao tao', 'khoa hoc', 'ky nang', 'tim viec', 'viec lam', 'chung chi', 'tin hoc', 'ngoai ngu', 'hoc them', 'chuyen doi nghe', 'phong van', 'xin viec', 'trung tam dich vu viec lam'],
} as const;

export type LexiconCategory = keyof typeof LEXICON;

/** Syllables that open a negation window of three syllables ("không trả", "chưa được đóng"). */
export const NEGATORS = ['khong', 'chua', 'chang', 'cha', 'dau co', 'ko', 'k', 'chu khong', 'khoi', 'dung'] as const;

export const NEGATIVE_EMOTICONS = [
  ':(', ':((', ':(((', ':-(', ":'(", 'T_T', '-_-', '>.<', ':/', ':|', '😡', '😠', '🤬', '😭', '😢', '😞',
  '😔', '😩', '😫', '😤', '💔', '😰', '😨', '😱', '🙁', '☹', '😒', '😣', '😖', '👎',
] as const;

export const POSITIVE_EMOTICONS = [
  ':)', ':))', ':)))', ':-)', ':D', ':d', '=))', '^^', '^_^', '<3', '😊', '😀', '😁', '😄', '😃', '🥰', '😍',
  '❤', '❤️', '💕', '👍', '🙏', '🤗', '😘', '🎉', '👏', '💯', '🌹', '☺',
] as const;
