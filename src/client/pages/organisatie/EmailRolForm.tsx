import { ROL_OPTIONS } from '../../lib/accounts.js';
import { Alert, Button, Heading, Paragraph, SelectField, TextField } from '../../ui/index.js';
import { useEmailRolForm, type EmailRolFormOptions } from './useEmailRolForm.js';

interface EmailRolFormProps extends EmailRolFormOptions {
  /** Prefix of element ids ("uitnodiging", "beheerder-…"). */
  idPrefix: string;
  heading: string;
  /** Level of the heading (default 3); the error's heading is one below. */
  headingLevel?: 2 | 3;
  intro: string;
  submitLabel: string;
  busyLabel: string;
  /** Without a role field: the role is fixed (the platform invites beheerders only). */
  withoutRol?: boolean;
}

/** An e-mail address and a role, sent to the API (with the CSRF token); 400 and 409 problems are shown and focused. */
export function EmailRolForm({ idPrefix, heading, headingLevel = 3, intro, submitLabel, busyLabel, withoutRol, ...options }: EmailRolFormProps) {
  const f = useEmailRolForm(options);
  const headingId = `${idPrefix}-heading`;
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={f.onSubmit} aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {heading}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      <div ref={f.errorRef} tabIndex={-1} className="doorlopend-form__message">
        {f.error ? (
          <Alert type="error" heading={options.failureHeading} headingLevel={headingLevel === 2 ? 3 : 4}>
            <Paragraph>{f.error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <div role="status" className="doorlopend-form__status">
        {f.done ? (
          <Alert type="ok" role="none">
            <Paragraph>{f.done}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <TextField
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label="E-mailadres"
        value={f.email}
        onChange={f.setEmail}
        autoComplete="off"
        maxLength={254}
        inputRef={f.emailRef}
        invalidMessage={f.emailError ?? undefined}
      />
      {withoutRol ? null : <SelectField id={`${idPrefix}-rol`} name="rol" label="Rol" value={f.rol} options={ROL_OPTIONS} onChange={f.setRol} />}
      <Paragraph>
        <Button type="submit" disabled={f.busy}>
          {f.busy ? busyLabel : submitLabel}
        </Button>
      </Paragraph>
    </form>
  );
}
