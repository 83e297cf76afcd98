import { wholePercent } from '../../models/job-format';

interface ProgressBarProps {
  /** 0–100, or null for work without totals (an indeterminate, moving bar). */
  percent: number | null;
  label: string;
  /** `thin` for cards and the status bar, `normal` in job panels. */
  size?: 'thin' | 'normal';
  tone?: 'accent' | 'danger' | 'muted';
  testId?: string;
}

export function ProgressBar({ percent, label, size = 'normal', tone = 'accent', testId }: ProgressBarProps) {
  const value = percent === null ? null : wholePercent(percent);
  return (
    // Spans, so a bar may sit inside a button (the status bar's jobs).
    <span
      className={`progress progress--${size} progress--${tone}${value === null ? ' progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={value === null ? 'Working' : `${value}%`}
      data-testid={testId}
    >
      <span className="progress__fill" style={value === null ? undefined : { width: `${value}%` }} />
    </span>
  );
}
