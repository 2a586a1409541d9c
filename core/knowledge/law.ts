/** A legal document (Bộ luật, Luật, Nghị định...) as imported from the corpus format. */
export interface LawDocument {
  lawId: string; // e.g. "45/2019/QH14"
  name: string; // e.g. "Bộ luật Lao động 2019"
  type: string; // "Bộ luật" | "Luật" | "Nghị định" ...
  issuer: string | null;
  effectiveDate: string | null; // ISO date
  expiredDate: string | null; // ISO date
  status: LawStatus;
  versionNote: string | null;
}

/** `in_force` documents are preferred; `expired` ones are kept for history and only cited when asked. */
export type LawStatus = 'in_force' | 'expired' | 'partly_amended' | 'unknown';

/** One article (Điều). `text` keeps one paragraph per line: khoản `1.`, điểm `a)`. */
export interface LawArticle {
  id: string; // e.g. "45_2019_QH14__D113"
  lawId: string;
  lawName: string;
  lawType: string;
  articleNo: string;
  title: string;
  text: string;
  chapter: string | null;
  section: string | null;
  effectiveDate: string | null;
  status: LawStatus;
}

/** What an answer cites. Built only from articles that retrieval actually returned. */
export interface Citation {
  lawId: string;
  articleNo: string;
  title: string;
  lawName: string;
  effectiveDate: string | null;
  /** Ready-made Vietnamese label: "Điều 98 Bộ luật Lao động 2019 (hiệu lực từ 01/01/2021)". */
  label: string;
}
