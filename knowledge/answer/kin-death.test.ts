import { readKinDeath } from './kin-death.js';

describe('readKinDeath: a relative\'s "mất" is the law\'s "chết" (D-answers-35)', () => {
  it.each([
    ['giờ bố em mất thì nhà em được trợ cấp gì', 'giờ bố em chết thì nhà em được trợ cấp gì'],
    ['chồng tôi vừa mất, tôi được hưởng gì', 'chồng tôi vừa chết, tôi được hưởng gì'],
    ['bo e mat e dc nghi may ngay', 'bo e chet e dc nghi may ngay'],
    ['má em mất năm ngoái', 'má em chết năm ngoái'],
  ])('"%s" → "%s"', (text, read) => {
    expect(readKinDeath(text)).toBe(read);
  });

  it.each(['bố em mất việc rồi', 'chồng em mất sổ bảo hiểm', 'cty dong cua ma mat viec', 'con mat bao nhieu tien', 'em mất thẻ nhân viên', 'mất bao lâu thì có lương'])(
    '"%s" keeps its "mất"',
    (text) => {
      expect(readKinDeath(text)).toBe(text);
    },
  );
});
