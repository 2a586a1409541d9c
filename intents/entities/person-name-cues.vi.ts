/**
 * Cues for names members type about themselves ("em tên là Nguyễn Văn An", "tôi là chị Lan"). All folded and
 * lower-case: the finder runs on the folded view. Data, not logic.
 */

/** Pronouns a member uses for themselves (including teencode short forms). */
export const SELF_PRONOUNS = ['em', 'e', 'toi', 't', 'minh', 'mk', 'mik', 'tui', 'chau', 'con', 'tao', 'to', 'anh', 'chi'] as const;

/** Kinship terms used as titles before a given name: consumed, not redacted. */
export const HONORIFICS = ['anh', 'chi', 'em', 'co', 'chu', 'bac', 'ong', 'ba', 'chau', 'di', 'cau', 'thim', 'mo', 'ban'] as const;

/** The most common surnames; a lower-case "tôi là nguyễn ..." is a name only when it starts with one. */
export const COMMON_SURNAMES = [
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong',
  'ly', 'dinh', 'doan', 'trinh', 'luong', 'lam', 'cao', 'trieu', 'quach', 'thai', 'tang', 'luu', 'kieu', 'ton',
  'ha', 'chu', 'mac', 'khuat', 'vuong', 'giang', 'tieu', 'au', 'nong', 'lo', 'hua', 'thach', 'tu',
] as const;

/**
 * Words that end a name (or show that what follows "tôi là" is not one): places, verbs, particles, numbers.
 * Kept broad on purpose: a name cut short still redacts its first syllables.
 */
export const NAME_STOP_WORDS = [
  'o', 'lam', 'tai', 'hien', 'dang', 'nam', 'sinh', 'que', 'va', 'thi', 'la', 'muon', 'can', 'hoi', 'xin', 'a',
  'oi', 'nhe', 'nha', 'da', 'bi', 'duoc', 'dc', 'co', 'khong', 'ko', 'k', 'kg', 'cua', 'cho', 'voi', 'vs', 'tu',
  'den', 'vao', 'ra', 'len', 'xuong', 'rat', 'nhung', 'ma', 'nen', 'vi', 'de', 'neu', 'khi', 'roi', 'r', 'day',
  'do', 'nay', 'kia', 'ay', 'thang', 'ngay', 'tuoi', 'cong', 'nhan', 'doan', 'vien', 'tho', 'nguoi', 'moi',
  'cu', 'se', 'van', 'con', 'cung', 'chi', 'ca', 'het', 'nua', 'gi', 'j', 'sao', 'the', 'nao', 'ntn', 'ah', 'ak',
  'hic', 'huhu', 'nhe', 'ne', 'nhi', 'thoi', 'ha', 'vay', 'z', 'v', 'lao', 'ky', 'su', 'ke', 'toan', 'giao',
  'quan', 'ly', 'to', 'truong', 'pho', 'chu', 'tich', 'bao', 've', 'tai', 'xe', 'hoc', 'nhan', 'vien', 'benh',
] as const;

/** Role nouns that follow "tôi là" and are not names ("tôi là Công nhân may"). First two syllables, folded. */
export const ROLE_PHRASES = [
  'cong nhan', 'doan vien', 'nhan vien', 'nguoi lao', 'giao vien', 'ky su', 'ke toan', 'to truong', 'to pho',
  'quan ly', 'chu tich', 'can bo', 'bao ve', 'tai xe', 'sinh vien', 'hoc sinh', 'lao dong', 'thu kho', 'tho may',
  'tho han', 'cong doan', 'nguoi dan', 'me bau', 'lao cong', 'phu ho', 'giam doc', 'truong phong', 'y ta', 'bac si',
  'nu cong', 'thanh vien', 'ung vien', 'thuc tap', 'hoi vien',
] as const;

/** Middle names that double as everyday words (Văn/văn, Thị/thì): accepted right after a surname. */
export const COMMON_MIDDLE_NAMES = [
  'van', 'thi', 'duc', 'dinh', 'ngoc', 'minh', 'quoc', 'huu', 'cong', 'xuan', 'thanh', 'kim', 'hoang', 'gia',
  'bao', 'anh', 'hong', 'thu', 'tien', 'trung', 'quang', 'manh', 'tuan', 'hai', 'khanh', 'phuong', 'my', 'nhu',
] as const;

/** Phrases after which a name follows on bank transfers ("chủ tk Lê Văn Tâm"). */
export const ACCOUNT_HOLDER_CUES = ['chu tk', 'chu tai khoan', 'ten tk', 'ten tai khoan', 'ten chu tk', 'nguoi nhan', 'nguoi thu huong'] as const;
