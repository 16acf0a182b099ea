-- One ID number, one person, across the shards of a county-sharded installation (docs/SCALING.md).
-- Run on each shard after `tuopin migrate`, where claims.identity_claim is a postgres_fdw foreign
-- table on the coordinator's claims.identity_claim (id_type, id_number) PRIMARY KEY. Every
-- statement that writes members claims their ID numbers there in the same transaction (one
-- INSERT ... SELECT per statement, sent in batches), so the second county to claim a number,
-- on whichever shard, fails on the coordinator's key and its whole transaction rolls back;
-- Tuopin words that as IdentityClaimedElsewhere. Deleting a member, or changing its ID
-- number, releases the claim. Statements are separated by blank lines (tests run them one by one).
CREATE FUNCTION claims.claim_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO claims.identity_claim (id_type, id_number, county_code)
    SELECT id_type, id_number, county_code FROM claimed;
    RETURN NULL;
END $$;

-- One DELETE per released number, each sent whole to the coordinator (a join with the
-- transition table would fetch the whole claim table first).
CREATE FUNCTION claims.release_members() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT id_type, id_number, county_code FROM released LOOP
        DELETE FROM claims.identity_claim c
        WHERE c.id_type = r.id_type AND c.id_number = r.id_number AND c.county_code = r.county_code;
    END LOOP;
    RETURN NULL;
END $$;

-- An update claims only the numbers it changed, and releases the ones it gave up.
CREATE FUNCTION claims.reclaim_members() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT o.id_type, o.id_number, o.county_code FROM released o
             WHERE NOT EXISTS (SELECT 1 FROM claimed n WHERE n.id_type = o.id_type AND n.id_number = o.id_number AND n.county_code = o.county_code) LOOP
        DELETE FROM claims.identity_claim c
        WHERE c.id_type = r.id_type AND c.id_number = r.id_number AND c.county_code = r.county_code;
    END LOOP;
    INSERT INTO claims.identity_claim (id_type, id_number, county_code)
    SELECT n.id_type, n.id_number, n.county_code FROM claimed n
    WHERE NOT EXISTS (SELECT 1 FROM released o WHERE o.id_type = n.id_type AND o.id_number = n.id_number AND o.county_code = n.county_code);
    RETURN NULL;
END $$;

CREATE TRIGGER member_claim AFTER INSERT ON member
    REFERENCING NEW TABLE AS claimed FOR EACH STATEMENT EXECUTE FUNCTION claims.claim_members();

CREATE TRIGGER member_release AFTER DELETE ON member
    REFERENCING OLD TABLE AS released FOR EACH STATEMENT EXECUTE FUNCTION claims.release_members();

CREATE TRIGGER member_reclaim AFTER UPDATE ON member
    REFERENCING OLD TABLE AS released NEW TABLE AS claimed FOR EACH STATEMENT EXECUTE FUNCTION claims.reclaim_members();
