import { useAppStore } from '../../store/store-context';
import { MessageText } from '../text/MessageText';

export function Notifications() {
  const notices = useAppStore((s) => s.notifications);
  const dismiss = useAppStore((s) => s.dismiss);
  return (
    <section className="notifications" aria-label="Notifications">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="notification"
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
                  dismiss(notice.id);
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
          <button type="button" className="icon-button notice__close" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}
