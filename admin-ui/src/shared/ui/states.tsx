import type { ReactNode } from 'react';

/** The designed states every screen shows instead of a blank area: loading, empty, error. */
export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>Không tải được dữ liệu.</strong>
      <span>{describeError(error)}</span>
      {onRetry ? (
        <button className="btn-ghost" onClick={onRetry}>
          Thử lại
        </button>
      ) : null}
    </div>
  );
}

const MESSAGES: Record<string, string> = {
  FORBIDDEN: 'Bạn không có quyền làm việc này.',
  UNIT_OUT_OF_SCOPE: 'Việc này nằm ngoài phạm vi đơn vị của bạn.',
  NOT_FOUND: 'Không tìm thấy (có thể đã bị xoá hoặc ngoài phạm vi của bạn).',
  VERSION_CONFLICT: 'Đã có người khác sửa trước bạn. Hãy tải lại rồi sửa tiếp.',
  DUPLICATE: 'Mã này đã tồn tại.',
  AUTH_REQUIRED: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
  DEPENDENCY_UNAVAILABLE: 'Dịch vụ tạm thời chưa sẵn sàng. Vui lòng thử lại sau.',
};

/** A Vietnamese sentence for an API error, with the fields it names when the input was invalid. */
export function describeError(error: unknown): string {
  const known = error as { code?: string; message?: string; fields?: { path: string; message: string }[] } | null;
  if (known?.code === 'VALIDATION_FAILED' || known?.code === 'KNOWLEDGE_IMPORT_INVALID') {
    const fields = (known.fields ?? []).map((field) => `${field.path.replace(/^body\./, '')}: ${field.message}`);
    return fields.length > 0 ? `Thông tin chưa hợp lệ — ${fields.join('; ')}` : 'Thông tin chưa hợp lệ.';
  }
  if (known?.code && MESSAGES[known.code]) return MESSAGES[known.code] as string;
  return 'Không kết nối được máy chủ. Vui lòng thử lại.';
}
