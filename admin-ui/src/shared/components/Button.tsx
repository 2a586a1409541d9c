import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Icon, type IconName } from '../icons/Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface Look {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  icon?: IconName;
}

const classes = ({ variant = 'secondary', size = 'md' }: Look, extra?: string) =>
  ['ui-btn', `ui-btn-${variant}`, size === 'sm' ? 'ui-btn-sm' : '', extra ?? ''].filter(Boolean).join(' ');

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, Look {
  /** Shows a spinner and blocks further clicks while a mutation runs. */
  loading?: boolean;
}

/** The app's button. Defaults to `type="button"` so a button inside a form never submits by accident. */
export function Button({ variant, size, icon, loading = false, disabled, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} className={classes({ variant, size }, className)} disabled={disabled || loading} aria-busy={loading || undefined}>
      {loading ? <span className="ui-spinner" aria-hidden="true" /> : icon ? <Icon name={icon} size={size === 'sm' ? 16 : 18} /> : null}
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant, size, icon, className, children, ...rest }: LinkProps & Look & { children: ReactNode }) {
  return (
    <Link {...rest} className={classes({ variant, size }, className)}>
      {icon && <Icon name={icon} size={size === 'sm' ? 16 : 18} />}
      {children}
    </Link>
  );
}
