import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import { FAQ_STATUSES, type FaqCreateRequest, type FaqEntryDto, type FaqEntryFields } from '../../../../core/contracts/knowledge-api';
import { TOPICS, type Topic } from '../../../../core/nlu/labels';
import { TOPIC_NAMES_VI } from '../../../../core/nlu/topic-names.vi';
import { unitSubtreeQuery } from '../../shared/queries/units';
import { knowledgeApi } from './api';
import { errorText } from './error-text';
import { STATUS_NAMES_VI, slugFromQuestion } from './labels.vi';
import { LawSearchPicker } from './LawSearchPicker';

export type EditorMode =
  | { kind: 'create' }
  | { kind: 'edit'; entry: FaqEntryDto }
  | { kind: 'override'; entry: FaqEntryDto }
  | { kind: 'fromLearning'; itemId: string; text: string; topic: Topic | null };

export interface EditorResult {
  entryId: string | null;
  changeId: string | null;
  proposed: boolean;
}

function initialFields(mode: EditorMode, me: MeResponse): FaqEntryFields {
  const empty: FaqEntryFields = { id: '', topic: 'other', question: '', variants: [], answer: '', citations: [], status: 'published' };
  switch (mode.kind) {
    case 'create':
      return empty;
    case 'edit':
      return { id: mode.entry.id, topic: mode.entry.topic, question: mode.entry.question, variants: mode.entry.variants, answer: mode.entry.answer, citations: mode.entry.citations, status: mode.entry.status };
    case 'override':
      return {
        ...initialFields({ kind: 'edit', entry: mode.entry }, me),
        id: `${me.unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${mode.entry.id}`.slice(0, 64),
        status: 'published',
      };
    case 'fromLearning':
      return { ...empty, topic: mode.topic ?? 'other', question: mode.text, variants: [mode.text], id: slugFromQuestion(mode.text) };
  }
}

const TITLES: Record<EditorMode['kind'], string> = {
  create: 'Thêm câu hỏi thường gặp',
  edit: 'Sửa câu hỏi thường gặp',
  override: 'Câu trả lời riêng cho đơn vị',
  fromLearning: 'Tạo câu hỏi từ tin nhắn của đoàn viên',
};

/**
 * One form for every way an FAQ entry is written: new, edit, local override of a higher level's entry, and
 * "turn this unsure question into an entry". Without the rights to save, the same form files a proposal.
 */
export function FaqEditor({ me, mode, onDone, onCancel }: { me: MeResponse; mode: EditorMode; onDone: (result: EditorResult) => void; onCancel: () => void }) {
  const [fields, setFields] = useState<FaqEntryFields>(() => initialFields(mode, me));
  const [variantsText, setVariantsText] = useState(() => initialFields(mode, me).variants.join('\n'));
  const [ownerUnitId, setOwnerUnitId] = useState<string>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const writer = me.role !== 'officer';
  const canSave = mode.kind === 'edit' ? mode.entry.can.edit : writer;
  const showOwner = writer && (mode.kind === 'create' || mode.kind === 'fromLearning');
  const units = useQuery({ ...unitSubtreeQuery(), enabled: showOwner });

  const set = <K extends keyof FaqEntryFields>(key: K, value: FaqEntryFields[K]) => setFields((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const variants = variantsText.split('\n').map((line) => line.trim()).filter(Boolean);
    const body: FaqEntryFields = { ...fields, variants };
    const owner = ownerUnitId === '' ? {} : { ownerUnitId: ownerUnitId === 'national' ? null : ownerUnitId };
    try {
      if (mode.kind === 'edit') {
        const { id: _id, ...patch } = body;
        if (canSave) {
          const saved = await knowledgeApi.updateFaq(mode.entry.id, { ...patch, version: mode.entry.version });
          onDone({ entryId: saved.id, changeId: saved.changeId, proposed: false });
        } else {
          await knowledgeApi.propose({ kind: 'update', entryId: mode.entry.id, payload: patch, baseVersion: mode.entry.version, ...(note ? { note } : {}) });
          onDone({ entryId: mode.entry.id, changeId: null, proposed: true });
        }
      } else if (mode.kind === 'fromLearning') {
        const result = await knowledgeApi.faqFromItem(mode.itemId, { ...body, ...owner } as FaqCreateRequest);
        onDone({ entryId: result.item.faqEntryId, changeId: result.changeId, proposed: result.outcome === 'proposed' });
      } else {
        const request: FaqCreateRequest = { ...body, ...owner, ...(mode.kind === 'override' ? { overridesId: mode.entry.id } : {}) };
        if (canSave) {
          const saved = await knowledgeApi.createFaq(request);
          onDone({ entryId: saved.id, changeId: saved.changeId, proposed: false });
        } else {
          await knowledgeApi.propose({ kind: 'create', payload: request as unknown as Record<string, unknown>, ...(note ? { note } : {}) });
          onDone({ entryId: null, changeId: null, proposed: true });
        }
      }
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sheet-backdrop" role="dialog" aria-modal="true" aria-labelledby="faq-editor-title">
      <form className="sheet" onSubmit={submit}>
        <header className="sheet-head">
          <h2 id="faq-editor-title">{TITLES[mode.kind]}</h2>
          <button type="button" className="icon-btn" aria-label="Đóng" onClick={onCancel}>
            ×
          </button>
        </header>
        {mode.kind === 'override' ? (
          <p className="hint">Đoàn viên thuộc {me.unit.name} sẽ nhận câu trả lời này thay cho câu trả lời chung «{mode.entry.question}».</p>
        ) : null}
        {!canSave ? <p className="hint">Bạn không sửa trực tiếp được mục này: nội dung sẽ được gửi thành đề xuất để lãnh đạo duyệt.</p> : null}
        {error ? <p className="error">{error}</p> : null}
        <label>
          Câu hỏi
          <textarea name="question" required rows={2} value={fields.question} onChange={(e) => set('question', e.target.value)} />
        </label>
        <div className="row-2">
          <label>
            Chủ đề
            <select name="topic" value={fields.topic} onChange={(e) => set('topic', e.target.value as Topic)}>
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {TOPIC_NAMES_VI[topic]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Trạng thái
            <select name="status" value={fields.status} onChange={(e) => set('status', e.target.value as FaqEntryFields['status'])}>
              {FAQ_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_NAMES_VI[status]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Các cách hỏi khác <span className="muted">(mỗi dòng một cách; nên có cách viết không dấu)</span>
          <textarea name="variants" rows={3} value={variantsText} onChange={(e) => setVariantsText(e.target.value)} />
        </label>
        <label>
          Câu trả lời
          <textarea name="answer" required rows={6} value={fields.answer} onChange={(e) => set('answer', e.target.value)} placeholder="Trả lời ngắn gọn, đúng luật, bằng lời dễ hiểu." />
        </label>
        <fieldset className="citations">
          <legend>Căn cứ pháp luật</legend>
          {fields.citations.length === 0 ? <p className="muted small">Chưa có điều luật nào. Câu trả lời đang dùng phải trích dẫn ít nhất một điều.</p> : null}
          <ul className="chips">
            {fields.citations.map((citation) => (
              <li key={`${citation.lawId}-${citation.articleNo}`} className="chip">
                Điều {citation.articleNo} · {citation.lawId}
                <button type="button" aria-label={`Bỏ Điều ${citation.articleNo}`} onClick={() => set('citations', fields.citations.filter((c) => c !== citation))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <LawSearchPicker
            initialQuery={fields.question}
            chosen={fields.citations}
            onPick={(hit) => set('citations', [...fields.citations, { lawId: hit.lawId, articleNo: hit.articleNo }])}
          />
        </fieldset>
        <div className="row-2">
          <label>
            Mã (không dấu)
            <input name="id" value={fields.id} disabled={mode.kind === 'edit'} onChange={(e) => set('id', e.target.value)} pattern="[a-z0-9][a-z0-9-]{1,63}" required />
          </label>
          {showOwner ? (
            <label>
              Thuộc cấp
              <select value={ownerUnitId} onChange={(e) => setOwnerUnitId(e.target.value)}>
                <option value="">{me.unit.level === 'national' ? 'Toàn quốc' : me.unit.name} (mặc định)</option>
                {(units.data?.units ?? [])
                  .filter((unit) => unit.id !== me.unit.id)
                  .map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
              </select>
            </label>
          ) : null}
        </div>
        {!canSave || (mode.kind === 'fromLearning' && !writer) ? (
          <label>
            Ghi chú cho người duyệt
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </label>
        ) : null}
        <footer className="sheet-foot">
          <button type="button" className="btn-ghost" onClick={onCancel}>
            Huỷ
          </button>
          <button className="btn" disabled={busy}>
            {busy ? 'Đang lưu…' : canSave ? 'Lưu' : 'Gửi đề xuất'}
          </button>
        </footer>
      </form>
    </div>
  );
}
