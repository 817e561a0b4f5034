-- The TOTP time step of the last code a user logged in with: each code works once (UserRepository.claimTotpStep).
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
