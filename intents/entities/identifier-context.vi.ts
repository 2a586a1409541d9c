/**
 * Words (folded, lower-case) that announce what a following number is. A 10-digit number after "bhxh" is a
 * social insurance number even when it would also pass as a phone number; after "stk" it is a bank account.
 * Data, not logic: grow it from misredacted messages.
 */
export const IDENTIFIER_CONTEXT_WORDS = {
  phone: [
    'sdt', 'so dt', 'so dien thoai', 'dien thoai', 'dt', 'dtdd', 'di dong', 'zalo', 'zl', 'goi', 'goi cho',
    'call', 'lien he', 'lh', 'lien lac', 'hotline', 'phone', 'tel', 'nhan tin', 'sms', 'so may', 'sim',
  ],
  national_id: [
    'cccd', 'cmnd', 'cmt', 'can cuoc', 'can cuoc cong dan', 'the can cuoc', 'chung minh', 'chung minh thu',
    'chung minh nhan dan', 'dinh danh', 'ma dinh danh', 'so dinh danh', 'so cc', 'id card',
  ],
  social_insurance_no: [
    'bhxh', 'bao hiem xa hoi', 'so bh', 'ma bh', 'ma so bh', 'so bao hiem', 'ma so bao hiem', 'ma so bhxh',
    'so so bhxh', 'so so bao hiem', 'ma bhxh', 'bhyt', 'the bhyt', 'bao hiem y te',
  ],
  bank_account: [
    'stk', 'so tk', 'so tai khoan', 'tai khoan', 'tk', 'ngan hang', 'chuyen khoan', 'ck', 'ck vao', 'account',
    'vietcombank', 'vcb', 'techcombank', 'tcb', 'bidv', 'agribank', 'vietinbank', 'vtb', 'mbbank', 'mb bank',
    'mb', 'acb', 'tpbank', 'tpb', 'sacombank', 'vpbank', 'shb', 'hdbank', 'ocb', 'vib', 'seabank', 'msb',
    'eximbank', 'lpbank', 'bac a bank', 'pvcombank', 'momo', 'zalopay', 'vi dien tu',
  ],
} as const;

export type IdentifierContextType = keyof typeof IDENTIFIER_CONTEXT_WORDS;
