-- Issue 14: the public check of a result statement's verification code is limited per client address (failed
-- look-ups count, as guesses), in the same table as the sign-in limits: one more kind of counter.
ALTER TABLE rate_limit DROP CONSTRAINT rate_limit_kind_check;
ALTER TABLE rate_limit ADD CONSTRAINT rate_limit_kind_check CHECK (kind IN ('login-account', 'login-address', 'reset-account', 'reset-address', 'verificatie-address'));
