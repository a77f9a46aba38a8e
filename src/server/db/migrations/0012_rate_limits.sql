-- Issue 10: limits on sign-in attempts and password reset requests, shared by every app instance on this
-- database (no header can dodge them, no restart forgets them). One counter per kind of limit and key: the
-- key is a normalised e-mail address (per account, also for addresses without an account, so the limit says
-- nothing about whether an account exists) or a client address. Attempts are counted when they start, under
-- a row lock (SELECT … FOR UPDATE), so parallel requests cannot slip past the limit together.
CREATE TABLE rate_limit (
  kind          text NOT NULL CHECK (kind IN ('login-account', 'login-address', 'reset-account', 'reset-address')),
  key           text NOT NULL CHECK (length(key) <= 320),
  count         integer NOT NULL CHECK (count >= 0),
  window_start  timestamptz NOT NULL,
  locked_until  timestamptz,                 -- no attempts before this moment (429 with Retry-After)
  expires_at    timestamptz NOT NULL,        -- the counter is forgotten after this moment (and then deleted)
  PRIMARY KEY (kind, key)
);
CREATE INDEX rate_limit_expires_idx ON rate_limit (expires_at);
