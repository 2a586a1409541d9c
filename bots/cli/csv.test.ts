import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM, and numbers lines', () => {
    const text = '\ufeffparent_code,code,name,level\r\nTLD,HN,"Liên đoàn ""Hà Nội"", thủ đô",province_or_sector\r\n\r\nHN,X1,"Hai\ndòng",upper_grassroots\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['parent_code', 'code', 'name', 'level'] },
      { line: 2, cells: ['TLD', 'HN', 'Liên đoàn "Hà Nội", thủ đô', 'province_or_sector'] },
      { line: 4, cells: ['HN', 'X1', 'Hai\ndòng', 'upper_grassroots'] },
    ]);
  });
});
