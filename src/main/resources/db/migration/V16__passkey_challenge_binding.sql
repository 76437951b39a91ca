-- F-PASSKEY: a new challenge replaces the earlier one of the same purpose, realm and binding
create index passkey_challenge_binding on passkey_challenge (binding, purpose, realm);
