import type { LawDocument } from '../../core/knowledge/law.js';
import { createOldLawQuestionTest } from './old-law-question.js';

const doc = (lawId: string, name: string, status: LawDocument['status']): LawDocument => ({
  lawId,
  name,
  type: 'Bộ luật',
  issuer: null,
  effectiveDate: null,
  expiredDate: null,
  status,
  versionNote: null,
});

const asksAboutOldLaw = createOldLawQuestionTest([
  doc('10/2012/QH13', 'Bộ luật Lao động 2012', 'expired'),
  doc('45/2019/QH14', 'Bộ luật Lao động 2019', 'in_force'),
]);

describe('createOldLawQuestionTest', () => {
  it('reads a question that names the old law by year, number or as "luật cũ", typed or unaccented', () => {
    expect(asksAboutOldLaw('Theo Bộ luật Lao động 2012 thì hợp đồng dài nhất mấy năm?')).toBe(true);
    expect(asksAboutOldLaw('blld nam 2012 quy dinh nghi phep the nao')).toBe(true);
    expect(asksAboutOldLaw('điều 22 luật 10/2012/QH13 nói gì')).toBe(true);
    expect(asksAboutOldLaw('luật cũ cho nghỉ phép mấy ngày')).toBe(true);
  });

  it('does not take a year told in a story, the law in force or "quy định cụ thể" for a question about the old law', () => {
    expect(asksAboutOldLaw('em ký hợp đồng lao động từ 2012 đến giờ, nghỉ thì được trợ cấp bao nhiêu')).toBe(false);
    expect(asksAboutOldLaw('bộ luật lao động 2019 cho nghỉ phép mấy ngày')).toBe(false);
    expect(asksAboutOldLaw('quy dinh cu the ve nghi phep nam')).toBe(false);
    // A law word before a year the story starts or ends at ("theo luật … từ 2012").
    expect(asksAboutOldLaw('theo luật thì em làm từ 2012 đến nay được mấy ngày phép')).toBe(false);
    expect(asksAboutOldLaw('luat noi sao, em lam tu thang 10/2012')).toBe(false);
    expect(asksAboutOldLaw('luật năm 2012 cho nghỉ phép mấy ngày')).toBe(true);
    expect(asksAboutOldLaw('bộ luật 10/2012 nói gì về thử việc')).toBe(true);
    expect(createOldLawQuestionTest([doc('45/2019/QH14', 'Bộ luật Lao động 2019', 'in_force')])('luật cũ thì sao')).toBe(false);
  });
});
