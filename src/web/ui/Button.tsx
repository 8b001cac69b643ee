import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** While busy the button stays focusable but ignores presses, and shows busyLabel. */
  busy?: boolean;
  busyLabel?: string | undefined;
  ref?: Ref<HTMLButtonElement>;
}

export function buttonClass(variant: Variant = 'secondary', extra?: string): string {
  return ['button', `button--${variant}`, extra].filter(Boolean).join(' ');
}

/** A native button with Kindred's look and a busy state that prevents double submits. */
export function Button({ variant = 'secondary', busy = false, busyLabel, className, type = 'button', children, onClick, ...rest }: ButtonProps) {
  const guard = (e: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, className)}
      aria-disabled={busy || rest['aria-disabled'] ? true : undefined}
      data-busy={busy || undefined}
      onClick={guard}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
