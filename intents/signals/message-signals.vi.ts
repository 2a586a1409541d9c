/**
 * Reviewed patterns for the NLU's injection and spam signals (core/nlu/nlu-result.ts NLU_FLAGS). They run on the
 * FOLDED text (no diacritics, lower case, teencode expanded), so "bỏ qua", "bo qua" and "bỏ qa" read alike.
 * Precision first: a flag takes a message out of the mood figures, so every pattern is checked against every
 * unflagged training and dev message (message-signals.test.ts). Tune on train/dev only, never on the locked test.
 */

/** Instructions aimed at the assistant itself: override its rules, reveal its set-up, change its role or its answer. */
export const INJECTION_PATTERNS: readonly RegExp[] = [
  // "bỏ qua / quên / phớt lờ (mọi | tất cả | các | hết) (hướng dẫn | chỉ dẫn | lệnh | quy tắc ...)"
  /\b(?:bo qua|quen|quen het|phot lo|lo di|dung tuan theo|khong can tuan theo)(?: het)?(?: di)?(?: moi| tat ca| cac| nhung| may| het| cai)*(?: cai)? (?:huong dan|chi dan|chi thi|lenh|quy tac|quy dinh|luat|rang buoc|gioi han|tai lieu|prompt)\b/,
  /\b(?:ignore|disregard|forget|override)\b(?: \w+){0,3} (?:instructions?|rules|prompt|guidelines|above)\b/,
  /\bsystem prompt\b|\bprompt (?:he thong|goc)\b|\bdeveloper mode\b|\bjailbreak\b|\byou are now\b|\bact as\b|\bpretend (?:to be|you)\b/,
  // Fake system/assistant turns: "[SYSTEM: …]", "system: …", "<system>".
  /(?:^|[\s[(<])(?:system|assistant|developer)\s*[:>\]]/,
  /\b(?:huong dan|luu y|ghi chu|chi thi|lenh) (?:cho|gui) (?:ai|tro ly|bot|chatbot|tro ly ao|mo hinh)\b/,
  // A new role for the assistant: "từ giờ bạn là…", "hãy đóng vai…", "giả vờ bạn…".
  /\b(?:tu gio|tu bay gio|ke tu bay gio|ke tu gio)(?: tro di)? (?:ban|may|mi|em|bot|chatbot)(?: hay| se)? (?:la|dong vai|chi|phai)\b/,
  /\b(?:hay |ban hay |em hay )?(?:dong vai|nhap vai|gia vo|gia dinh ban la)\b(?! (?:nguoi lao dong|cong nhan|toi|em|minh))/,
  // Asking it to print or reveal its instructions, keys or configuration.
  /\b(?:in ra|tiet lo|lap lai|cho (?:toi |tui |minh |em )?xem|hien thi|doc)(?: \w+){0,4} (?:prompt|chi thi|cau hinh he thong|cai dat cua ban|api key|mat khau he thong|nguyen van (?:nhung|cac) (?:chi thi|huong dan))\b/,
  // Dictating the answer: "hãy trả lời rằng…", "nhớ trả lời rằng…".
  /\b(?:hay|nho|phai) (?:tra loi|noi|ghi nhan|danh dau) rang\b/,
];

/**
 * Spam cues, each with a weight; a message whose cues add up to SPAM_THRESHOLD or more is spam. Strong cues (3)
 * are scams and ads on their own; weak ones (1) only together ("liên hệ" + a phone number + "giá rẻ").
 */
export interface SpamCue {
  pattern: RegExp;
  weight: number;
  /**
   * Which view the pattern reads: `folded` (default) or `canonical` (accented, for words that collide once folded:
   * "cá độ" vs "cơm ca dở", "đổi thưởng" vs "đòi thưởng"). A global pattern counts each match, at most twice.
   */
  view?: 'folded' | 'canonical' | 'typed';
}

export const SPAM_CUES: readonly SpamCue[] = [
  { pattern: /\b(?:vay tien nhanh|giai ngan|khong can the chap|vay tieu dung)\b/, weight: 3 },
  { pattern: /\bcho vay\b/, weight: 1 },
  { pattern: /\b(?:kiem tien online|lam giau|viec nhe luong cao|thu nhap \S+ (?:trieu|nghin|cu)?\s*(?:moi |1 |mot )?(?:ngay|thang))\b/, weight: 2 },
  { pattern: /(?:cá độ|đổi thưởng|nạp rút|nhà cái|lô đề|xóc đĩa)/u, weight: 3, view: 'canonical' },
  { pattern: /\b(?:ca do bong da|game doi thuong|nap rut|nha cai|danh lo de|choi lo de|xoc dia)\b/, weight: 3 },
  { pattern: /\b(?:trung thuong|nhan qua|qua tang mien phi|nhan thuong|quay so trung)\b/, weight: 2 },
  { pattern: /\b(?:lai \d+ ?(?:%|phan tram) (?:mot |1 |moi )?(?:thang|ngay|tuan)|cam ket hoan von)\b/, weight: 2 },
  { pattern: /\b(?:tien ao|coin|forex)\b/, weight: 1 },
  { pattern: /\b(?:lam bang (?:dai hoc|cap|lai|gia)|lam giay to gia|giay to gia|bang cap gia|chung chi gia|ban sim|sim so dep|mua ban tai khoan|ban tai khoan)\b/, weight: 3 },
  { pattern: /\b(?:khuyen mai|giam gia|thanh ly|sale|mua ngay|ke o lo|gia re|gia tot|uy tin|bao hanh)\b/g, weight: 1 },
  { pattern: /\b(?:tuyen (?:ctv|cong tac vien)|cong tac vien ban hang|ctv ban hang|lam online tai nha)\b/, weight: 2 },
  { pattern: /\b(?:inbox|ib|nhan tin) (?:ngay|de|minh|em)\b|\blien he (?:zalo|ngay|sdt|so dien thoai)\b|\b(?:tham gia|dang ky|truy cap|nhan vao|click) (?:ngay|link|duong link|nhom)\b/g, weight: 1 },
  { pattern: /\b(?:like|share|follow|ung ho page|ung ho trang)\b/g, weight: 1 },
  { pattern: /\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b|\+84 ?\d{9}\b/, weight: 1, view: 'typed' },
  { pattern: /https?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:xyz|top|club|vip|online|site|shop|example|com|vn|net)\b/, weight: 1, view: 'typed' },
];
export const SPAM_THRESHOLD = 3;

/** Laughter and fillers that repeat by nature ("hahaha", "kkkk", "hihi"): never keyboard mash. */
export const REPEATING_FILLERS: ReadonlySet<string> = new Set(['ha', 'he', 'hi', 'ho', 'hu', 'k', 'kk', 'ke', 'hj', 'ah', 'hix', 'hic']);
