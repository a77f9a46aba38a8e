-- Issue 11: the mail outbox, shared by every instance on this database. A mail (or a job that composes one, such as a
-- password reset request: the address and the time only) is a row, inserted in the transaction of the change that
-- causes it where there is one. A sender in every instance claims due rows (FOR UPDATE SKIP LOCKED, then a lease in
-- claimed_until), sends, and marks them sent; a failure is tried again later (next_attempt_at) up to a maximum number
-- of attempts. The body holds a one-time link: it is emptied as soon as the mail is sent or given up, and the row is
-- deleted after a short retention (mail/mailer.ts).
CREATE TABLE mail_outbox (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('mail', 'compose')),
  composer         text CHECK (composer IS NULL OR length(composer) <= 60),     -- for kind compose: which job (password-reset)
  recipient        text NOT NULL CHECK (length(recipient) <= 320),
  subject          text,                                                        -- null for a compose job and once sent
  body             text,                                                        -- idem
  origin           text NOT NULL,                                               -- the instance that inserted it (sends it first)
  created_at       timestamptz NOT NULL,
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL,
  claimed_by       text,
  claimed_until    timestamptz,
  last_error       text CHECK (last_error IS NULL OR length(last_error) <= 200), -- error name and code, never the SMTP text
  sent_at          timestamptz,
  given_up_at      timestamptz,
  CHECK ((kind = 'compose') = (composer IS NOT NULL))
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX mail_outbox_done_idx ON mail_outbox (coalesce(sent_at, given_up_at)) WHERE sent_at IS NOT NULL OR given_up_at IS NOT NULL;
