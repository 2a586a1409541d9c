import type { FaqEntryDto } from '../../../../core/contracts/knowledge-api';

/** Which level an entry belongs to: the national FAQ or a unit's own answers. */
export function OwnerTag({ entry }: { entry: FaqEntryDto }) {
  return entry.owner ? <span className="tag tag-local">{entry.owner.name}</span> : <span className="tag tag-national">Toàn quốc</span>;
}
