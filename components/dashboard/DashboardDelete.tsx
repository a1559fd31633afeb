import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

/** "Delete this case?", naming the order and how many files go with it. Esc or Cancel keeps the case. */
export function DeleteCaseDialog({ t, orderId, files, onConfirm, onCancel }: { t: Translate; orderId: string; files: number; onConfirm(): void; onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div class="modal-backdrop">
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="delete-title" aria-describedby="delete-text" data-testid="delete-dialog">
        <h2 id="delete-title">{t('dashboard.confirmTitle')}</h2>
        <p id="delete-text" data-testid="delete-text">{t('dashboard.confirmText', { orderId, n: files })}</p>
        <div class="modal-actions">
          <button type="button" ref={cancel} data-testid="delete-cancel" onClick={onCancel}>{t('dashboard.cancel')}</button>
          <button type="button" class="danger" data-testid="delete-confirm" onClick={onConfirm}>{t('dashboard.confirmDelete')}</button>
        </div>
      </div>
    </div>
  );
}
