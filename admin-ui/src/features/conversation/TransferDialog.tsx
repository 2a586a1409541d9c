import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TransferBody } from '../../../../core/contracts/inbox-api';
import { Button } from '../../shared/components/Button';
import { Dialog } from '../../shared/components/Dialog';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { transferTargetsQuery } from './api';

/** Hand the conversation to another unit's queue in scope, or straight to one officer. */
export function TransferDialog({ conversationId, open, onClose, onConfirm, pending }: { conversationId: string; open: boolean; onClose: () => void; onConfirm: (body: TransferBody) => void; pending: boolean }) {
  const targets = useQuery({ ...transferTargetsQuery(conversationId), enabled: open });
  const [choice, setChoice] = useState('');
  const body: TransferBody | null = choice.startsWith('unit:') ? { unitCode: choice.slice(5) } : choice.startsWith('officer:') ? { officerId: choice.slice(8) } : null;
  return (
    <Dialog
      open={open}
      title="Chuyển cuộc trò chuyện"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Huỷ
          </Button>
          <Button variant="primary" icon="transfer" loading={pending} disabled={!body} onClick={() => body && onConfirm(body)}>
            Chuyển
          </Button>
        </>
      }
    >
      {targets.isPending ? (
        <LoadingState rows={3} />
      ) : targets.isError ? (
        <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <label className="ui-field">
          <span>Chuyển tới</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Chọn đơn vị hoặc cán bộ…</option>
            <optgroup label="Hàng chờ của đơn vị">
              {targets.data.units.map((unit) => (
                <option key={unit.code} value={`unit:${unit.code}`}>
                  {unit.name}
                </option>
              ))}
            </optgroup>
            {targets.data.officers.length > 0 && (
              <optgroup label="Cán bộ">
                {targets.data.officers.map((officer) => (
                  <option key={officer.id} value={`officer:${officer.id}`}>
                    {officer.displayName} — {officer.unit.name}
                    {officer.availability === 'available' ? ' (sẵn sàng)' : ' (vắng mặt)'}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
      )}
    </Dialog>
  );
}
