/** Folds Vietnamese for a forgiving search box: "Điện tử" is found by "dien tu", "ĐIỆN" and "điện". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}
