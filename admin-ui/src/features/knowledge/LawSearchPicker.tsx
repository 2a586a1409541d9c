import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FaqEntryFields, LawHitDto } from '../../../../core/contracts/knowledge-api';
import { lawSearchQuery } from './api';
import { errorText } from './error-text';

/** Searches the law corpus with the members' retrieval and adds articles as citations. */
export function LawSearchPicker({ initialQuery, chosen, onPick }: { initialQuery: string; chosen: FaqEntryFields['citations']; onPick: (hit: LawHitDto) => void }) {
  const [text, setText] = useState(initialQuery.slice(0, 300));
  const [query, setQuery] = useState(initialQuery.trim().length >= 2 ? initialQuery.slice(0, 300) : '');
  // Search as the officer types, a moment after they stop.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useQuery({ ...lawSearchQuery(query), enabled: query.length >= 2 });
  const isChosen = (hit: LawHitDto) => chosen.some((c) => c.lawId === hit.lawId && c.articleNo === hit.articleNo);

  return (
    <div className="law-picker">
      <input type="search" aria-label="Tìm điều luật" placeholder="Tìm điều luật, ví dụ: làm thêm giờ, thai sản…" value={text} onChange={(e) => setText(e.target.value)} />
      {query.length < 2 ? null : search.isPending ? (
        <p className="muted small">Đang tìm…</p>
      ) : search.isError ? (
        <p className="error small">{errorText(search.error)}</p>
      ) : search.data.hits.length === 0 ? (
        <p className="muted small">Không tìm thấy điều luật phù hợp. Thử từ khác.</p>
      ) : (
        <ul className="law-hits">
          {search.data.hits.map((hit) => (
            <li key={`${hit.lawId}-${hit.articleNo}`}>
              <div>
                <strong>{hit.label}</strong>
                <span className="muted small"> — {hit.title}</span>
                <p className="snippet">{hit.snippet}</p>
              </div>
              <button type="button" className="btn-small" disabled={isChosen(hit)} onClick={() => onPick(hit)}>
                {isChosen(hit) ? 'Đã chọn' : 'Thêm'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
