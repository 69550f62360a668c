/// Migration 2: the database's identity, and each session written by one login only.
///
/// - `database_identity` holds one random id made by `db init`. A laptop keeps its progress
///   per identity, so a database made again under the same URL is a new one to it.
/// - `rooms.owner` is the login that first announced the session (NULL for rooms of version 1
///   until a login sends again: the first one claims it). `events.inserted_by` is the login
///   that inserted the row, set by the database, never by the sender.
/// - A row of a session owned by another login is refused by a trigger (SQLSTATE PF001), and
///   a session announced from a second laptop too (PF002), as `unpack` refuses it.
/// - `perspectief_confirmed(session)` tells a room what the database holds of its own session
///   (per journal, the highest sequence number): checked on every connect, so a restored or
///   re-created database gets every missing event again. The room role reads nothing else.
enum SchemaOwnership {
    static let room = Schema.roomRole
    static let organiser = Schema.organiserRole

    static let migration: [String] = [
        """
        CREATE TABLE database_identity (
            id      text PRIMARY KEY,
            made_at timestamptz NOT NULL DEFAULT now(),
            one     boolean NOT NULL DEFAULT true UNIQUE CHECK (one)
        )
        """,
        "INSERT INTO database_identity (id) VALUES (gen_random_uuid()::text)",
        "ALTER TABLE rooms ADD COLUMN owner text",
        "ALTER TABLE rooms ALTER COLUMN owner SET DEFAULT session_user",
        "ALTER TABLE events ADD COLUMN inserted_by text",
        "ALTER TABLE events ALTER COLUMN inserted_by SET DEFAULT session_user",
        """
        CREATE FUNCTION perspectief_room_owner() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.owner := session_user;
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER rooms_owner BEFORE INSERT ON rooms FOR EACH ROW EXECUTE FUNCTION perspectief_room_owner()",
        """
        CREATE FUNCTION perspectief_event_owner() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        DECLARE o text;
        BEGIN
            NEW.inserted_by := session_user;
            SELECT owner INTO o FROM rooms WHERE session_id = NEW.session_id;
            IF NOT FOUND THEN
                INSERT INTO rooms (session_id) VALUES (NEW.session_id) ON CONFLICT DO NOTHING;
                SELECT owner INTO o FROM rooms WHERE session_id = NEW.session_id;
            END IF;
            IF o IS NULL THEN
                UPDATE rooms SET owner = session_user WHERE session_id = NEW.session_id AND owner IS NULL;
                SELECT owner INTO o FROM rooms WHERE session_id = NEW.session_id;
            END IF;
            IF o <> session_user THEN
                RAISE EXCEPTION USING ERRCODE = 'PF001', MESSAGE = NEW.session_id, DETAIL = o;
            END IF;
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER events_owner BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION perspectief_event_owner()",
        """
        CREATE FUNCTION perspectief_announce(p_session text, p_event text, p_laptop text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE r record;
        BEGIN
            INSERT INTO rooms (session_id, event_name, laptop) VALUES (p_session, p_event, p_laptop)
                ON CONFLICT DO NOTHING;
            SELECT owner, laptop, event_name INTO r FROM rooms WHERE session_id = p_session;
            IF r.owner IS NULL THEN
                UPDATE rooms SET owner = session_user WHERE session_id = p_session AND owner IS NULL;
            ELSIF r.owner <> session_user THEN
                RAISE EXCEPTION USING ERRCODE = 'PF001', MESSAGE = p_session, DETAIL = r.owner;
            END IF;
            IF r.laptop <> '' AND p_laptop <> '' AND r.laptop <> p_laptop THEN
                RAISE EXCEPTION USING ERRCODE = 'PF002', MESSAGE = p_session, DETAIL = r.laptop || E'\\n' || p_laptop;
            END IF;
            -- A room first sent without an event name (or before this version) takes the one it
            -- names now; a name once given changes only through the organiser.
            IF r.event_name = '' AND p_event <> '' THEN
                UPDATE rooms SET event_name = p_event WHERE session_id = p_session;
            END IF;
            IF r.laptop = '' AND p_laptop <> '' THEN
                UPDATE rooms SET laptop = p_laptop WHERE session_id = p_session;
            END IF;
        END $$
        """,
        """
        CREATE FUNCTION perspectief_confirmed(p_session text) RETURNS TABLE (journal text, seq bigint)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT e.journal, max(e.seq) FROM events e
            WHERE e.session_id = p_session
                AND (SELECT r.owner FROM rooms r WHERE r.session_id = p_session) = session_user
            GROUP BY e.journal
        $$
        """,
        "REVOKE ALL ON FUNCTION perspectief_announce(text, text, text), perspectief_confirmed(text) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION perspectief_announce(text, text, text), perspectief_confirmed(text) TO \(room)",
        "REVOKE ALL ON database_identity FROM PUBLIC",
        "GRANT SELECT ON database_identity TO \(room), \(organiser)",
    ]
}
