/**
 * The only hard rules of the NLU: a few reviewed phrase patterns (FOLDED, after teencode expansion) that mean
 * "give me a person" or "someone is hurt now". They override the model's route because a missed request for
 * help costs far more than an unneeded offer of an officer. Keep them few and high-precision: every pattern is
 * checked against the whole training set in handoff-rules.test.ts.
 */
export const HANDOFF_RULES = [
  {
    reason: 'asks_for_person',
    pattern:
      /\b(?:gap|noi chuyen|trao doi|ket noi|chuyen|can|muon)(?: voi| cho| toi| em| minh| truc tiep| mot)*(?: [a-z]+){0,3} (?:can bo|nguoi that|tu van vien|nguoi cua cong doan|nguoi tu van that|anh chi can bo|chi phu trach)\b/,
  },
  // "người thật" but not "người thất nghiệp" nor "bạn là người thật hay máy" (small talk about the bot).
  { reason: 'asks_for_person', pattern: /(?<!\bla )\bnguoi that\b(?! nghiep)/ },
  { reason: 'asks_for_person', pattern: /\bco ai (?:dang )?truc\b|\b(?:can bo|tu van vien|anh chi)(?: [a-z]+){0,2} (?:dang )?truc (?:khong|ko)\b/ },
  {
    reason: 'asks_for_person',
    pattern: /\b(?:xin|can|cho)(?: [a-z]+){0,2} (?:so dien thoai|hotline)(?: [a-z]+){0,3} (?:can bo|tu van vien|cong doan|lien doan)\b/,
  },
  { reason: 'emergency', pattern: /\b(?:bi danh|danh (?:em|toi|minh)|hanh hung)\b.{0,40}\b(?:vua|dang|bay gio|luc nay|sang nay|chieu nay|toi nay|cuu)\b|\b(?:vua|dang) bi (?:danh|hanh hung)\b/ },
  {
    reason: 'emergency',
    // "đang điều trị / nằm viện / nghỉ … tai nạn" is an old accident being talked about, not one happening now.
    pattern: /\b(?:vua|dang)(?! (?:dieu tri|nam vien|nghi|huong|lam thu tuc))(?: [a-z]+){0,3} (?:tai nan|bi thuong|chay mau|gay tay|gay chan|ngat xiu|bat tinh|dien giat|bi bong|mac ket)\b|\b(?:tai nan|chay|no|sap)\b.{0,30}\b(?:cuu voi|cap cuu|gap lam)\b/,
  },
] as const;

/**
 * Self-harm words. Folded, "tự tử" collides with "từ từ" (slowly) and "điện tử từ", so accented messages are
 * checked on the accented text; the folded pattern is used only for messages typed without any diacritics.
 */
export const SELF_HARM_RULE = {
  reason: 'self_harm',
  accentedPattern: /(?:tự tử|tự sát|muốn chết|không muốn sống|nhảy lầu|kết liễu)/,
  foldedPattern: /\b(?:tu tu|tu sat|muon chet|khong muon song|nhay lau|ket lieu)\b/,
} as const;

export type HandoffReason = (typeof HANDOFF_RULES)[number]['reason'] | (typeof SELF_HARM_RULE)['reason'];
