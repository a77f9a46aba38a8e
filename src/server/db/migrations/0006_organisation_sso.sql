-- Issue 4: single sign-on with OpenID Connect, configured per organisation (SURFconext, Entree Federatie, …).

-- One OIDC client per organisation. client_secret is needed to talk to the provider, so it is stored as
-- given; it is never returned by the API and never written to a log or the audit log.
CREATE TABLE organisation_sso (
  organisation_id  uuid PRIMARY KEY REFERENCES organisation (id),
  issuer           text NOT NULL,
  client_id        text NOT NULL,
  client_secret    text NOT NULL,
  scopes           text NOT NULL DEFAULT 'openid email',
  email_claim      text NOT NULL DEFAULT 'email',
  enabled          boolean NOT NULL DEFAULT false,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A sign-in that went to the provider and has not come back yet. Single use: the callback deletes the
-- row it uses (DELETE … RETURNING), so a replayed state finds nothing. Only the sha256 of the state and of
-- the browser-binding cookie are stored; the PKCE code_verifier and nonce are needed as values.
CREATE TABLE sso_login_state (
  state_hash       text PRIMARY KEY,
  browser_hash     text NOT NULL,
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  nonce            text NOT NULL,
  code_verifier    text NOT NULL,
  return_to        text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL
);
CREATE INDEX sso_login_state_expires_idx ON sso_login_state (expires_at);
