'use client'

/** Props of {@link FormSkeleton}. */
export interface FormSkeletonProps {
  /** What assistive technology hears, once ("Loading…"); sighted people see the placeholders. */
  label: string
}

/**
 * The shape of a credential form while it loads: two labelled fields and a button, shimmering
 * (still under `prefers-reduced-motion`), so the dialog does not jump when the form arrives. The
 * words are for screen readers only; the placeholders are hidden from them.
 */
export function FormSkeleton({ label }: FormSkeletonProps) {
  return (
    <>
      <p className="plugboard-visually-hidden">{label}</p>
      <div className="plugboard-form-skeleton" aria-hidden="true">
        {[0, 1].map((field) => (
          <div key={field} className="plugboard-field">
            <span className="plugboard-skeleton" data-shape="label" />
            <span className="plugboard-skeleton" data-shape="input" />
          </div>
        ))}
        <span className="plugboard-skeleton" data-shape="button" />
      </div>
    </>
  )
}
