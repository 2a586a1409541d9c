import { useEffect, useState } from 'react';
import type { MeResponse, UnitNode } from '../../../core/contracts/admin-api';
import { levelIndex, UNIT_LEVEL_NAMES_VI } from '../../../core/org/hierarchy';
import { AuditPage } from '../features/audit/AuditPage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { adminApi } from './api';

const ROLE_NAMES: Record<MeResponse['role'], string> = { admin: 'Quản trị', leader: 'Lãnh đạo', officer: 'Cán bộ' };

export const SECTIONS = [
  { id: 'inbox', title: 'Hộp thư', description: 'Các cuộc trò chuyện cần cán bộ trả lời, từ mọi kênh, trong phạm vi đơn vị của bạn.' },
  { id: 'dashboard', title: 'Tổng quan', description: 'Tâm trạng và mối quan tâm của đoàn viên theo đơn vị và chủ đề.' },
  { id: 'knowledge', title: 'Hỏi đáp & pháp luật', description: 'Bộ câu hỏi thường gặp và văn bản pháp luật mà trợ lý dùng để trả lời.' },
  { id: 'units', title: 'Đơn vị', description: 'Các đơn vị công đoàn trong phạm vi của bạn.' },
  { id: 'audit', title: 'Nhật ký hệ thống', description: 'Ai đã xem hoặc thay đổi gì, trong phạm vi của bạn (chỉ quản trị viên).' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

export function Shell({ me, onLogout }: { me: MeResponse; onLogout: () => void }) {
  const [section, setSection] = useState<SectionId>(() => (location.hash.slice(1) as SectionId) || 'inbox');
  useEffect(() => {
    const onHash = () => setSection((location.hash.slice(1) as SectionId) || 'inbox');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar-brand">
          <span className="brand-mark small">CĐ</span> Trợ lý Công đoàn
        </div>
        <nav aria-label="Điều hướng chính">
          {SECTIONS.filter((s) => s.id !== 'audit' || me.role === 'admin').map((s) => (
            <a key={s.id} href={`#${s.id}`} className={s.id === section ? 'active' : ''} aria-current={s.id === section ? 'page' : undefined}>
              {s.title}
            </a>
          ))}
        </nav>
      </aside>
      <div className="content">
        <header className="topbar">
          <div>
            <strong>{me.displayName}</strong> · {ROLE_NAMES[me.role]} · {me.unit.name}
          </div>
          <button className="btn-ghost" onClick={onLogout}>
            Đăng xuất
          </button>
        </header>
        <main className="page">
          <h1>{current.title}</h1>
          <p className="muted">{current.description}</p>
          {section === 'units' ? (
            <UnitsPanel />
          ) : section === 'knowledge' ? (
            <KnowledgePage me={me} />
          ) : section === 'audit' && me.role === 'admin' ? (
            <AuditPage />
          ) : (
            <p className="placeholder">Tính năng này sẽ có trong bản cập nhật tiếp theo.</p>
          )}
        </main>
      </div>
    </div>
  );
}

function UnitsPanel() {
  const [units, setUnits] = useState<UnitNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    adminApi.units().then((r) => setUnits(r.units), () => setError('Không tải được danh sách đơn vị.'));
  }, []);
  if (error) return <p className="error">{error}</p>;
  if (!units) return <p className="muted">Đang tải…</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Mã</th>
          <th>Tên đơn vị</th>
          <th>Cấp</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.id}>
            <td><code>{u.code}</code></td>
            <td style={{ paddingLeft: 14 + levelIndex(u.level) * 20 }}>{u.name}</td>
            <td>{UNIT_LEVEL_NAMES_VI[u.level]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
