-- Issue 4: organisations, partnerships, accounts, sessions and the audit log.
-- Organisation data is private to its organisation: every query on it is scoped to the
-- memberships of the user who asks (see src/domain/auth and the repositories).
CREATE TABLE organisation (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  soort       text NOT NULL CHECK (soort IN ('vmbo-school', 'mbo-instelling', 'regio')),
  naam        text NOT NULL UNIQUE,
  brin        text,                                  -- vmbo school / mbo instelling; null for a regio
  regio_id    uuid REFERENCES organisation (id),     -- the regio (samenwerkingsverband) that groups this school
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vestiging (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  naam             text NOT NULL,
  brin_vestiging   text,                             -- BRIN + vestigingsnummer, e.g. '12AB00'
  UNIQUE (organisation_id, naam)
);

-- A samenwerking between one or more vmbo schools and one or more mbo instellingen.
CREATE TABLE partnership (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  naam        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partnership_member (
  partnership_id   uuid NOT NULL REFERENCES partnership (id),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (partnership_id, organisation_id)
);
CREATE INDEX partnership_member_organisation_idx ON partnership_member (organisation_id);

CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL UNIQUE CHECK (email = lower(email)),
  naam           text NOT NULL,
  password_hash  text,                               -- argon2id (PHC string); null: no password (SSO or not yet set)
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- A person can have several roles in several organisations.
CREATE TABLE membership (
  user_id          uuid NOT NULL REFERENCES app_user (id),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  rol              text NOT NULL CHECK (rol IN ('beheerder', 'ontwikkelaar', 'examinator', 'examencommissie', 'decaan', 'leerling')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_id, rol)
);
CREATE INDEX membership_organisation_idx ON membership (organisation_id);

-- Server-side sessions. Only hashes are stored: token_hash = sha256 of the random cookie token,
-- csrf_token_hash = sha256 of the CSRF token (which is derived from the cookie token).
CREATE TABLE session (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash       text NOT NULL UNIQUE,
  user_id          uuid NOT NULL REFERENCES app_user (id),
  csrf_token_hash  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_user_idx ON session (user_id);

-- Append-only: the application has no update or delete path, and the database refuses them.
-- No foreign keys, so that entries outlive what they describe.
CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),
  actor_user_id    uuid,                             -- null: the system (CLI, demo seed)
  organisation_id  uuid,
  action           text NOT NULL,
  subject_type     text NOT NULL,
  subject_id       text,
  details          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_organisation_idx ON audit_log (organisation_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
