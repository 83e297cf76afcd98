import type { KeyboardEvent } from 'react';
import type { Notice } from '../../store/notifications-slice';
import { useAppStore } from '../../store/store-context';
import { MessageText } from '../text/MessageText';

/** More than this and the oldest wait (counted) behind the newest: the area stays small at 900×600. */
const SHOWN = 3;

/**
 * The notices, in their own strip at the bottom of the content area (above the status bar): in the
 * page's flow, so the page makes room for them and they never cover a control (a toast once sat on
 * the chat's Send button). Each can be dismissed with its × or Esc; errors stay until dismissed or
 * until what they report is resolved; the others leave on their own.
 */
export function Notifications() {
  const notices = useAppStore((s) => s.notifications);
  const dismiss = useAppStore((s) => s.dismiss);
  const dismissAll = useAppStore((s) => s.dismissAll);
  const holdNotice = useAppStore((s) => s.holdNotice);
  const shown = notices.slice(-SHOWN);
  const hidden = notices.length - shown.length;

  return (
    <section className="notifications" aria-label="Notifications" data-testid="notifications">
      {hidden > 0 && (
        <p className="notifications__more">
          {hidden} earlier {hidden === 1 ? 'notice' : 'notices'}
          <button type="button" className="link-button" onClick={dismissAll}>
            Dismiss all
          </button>
        </p>
      )}
      {shown.map((notice) => (
        <NoticeView key={notice.id} notice={notice} onDismiss={() => dismiss(notice.id)} onHold={(held) => holdNotice(notice.id, held)} />
      ))}
    </section>
  );
}

function NoticeView({ notice, onDismiss, onHold }: { notice: Notice; onDismiss(): void; onHold(held: boolean): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    // Esc in a notice closes the notice, not the page under it.
    event.preventDefault();
    event.stopPropagation();
    onDismiss();
  };
  return (
    <div
      className={`notice notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notification"
      data-key={notice.key ?? undefined}
      onKeyDown={onKeyDown}
      // Reading it or reaching for its button keeps it; it leaves on its own once both go elsewhere.
      onMouseEnter={() => onHold(true)}
      onMouseLeave={() => onHold(false)}
      onFocus={() => onHold(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onHold(false);
      }}
    >
      <div className="notice__body">
        <strong className="notice__title">{notice.title}</strong>
        {notice.message && (
          <p className="notice__message">
            <MessageText text={notice.message} />
          </p>
        )}
        {notice.action && (
          <button
            type="button"
            className="link-button notice__action"
            onClick={() => {
              notice.action?.run();
              onDismiss();
            }}
          >
            {notice.action.label}
          </button>
        )}
        {notice.details.length > 0 && (
          <ul className="notice__details">
            {notice.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="icon-button notice__close" aria-label={`Dismiss: ${notice.title}`} title="Dismiss (Esc)" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
