-- The keys that sign the gateway's identity assertions (issue 11), one row per generation: the
-- newest signs, older ones stay published in the JWKS until the assertions they signed expire. The
-- generation is the primary key so that two instances making the first (or the next) key at once
-- cannot both succeed: the loser reads the winner's. private_jwk is the EC private key as a JWK.
CREATE TABLE gateway_signing_keys (
    generation INTEGER PRIMARY KEY,
    kid VARCHAR(64) NOT NULL,
    private_jwk VARCHAR(2000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
