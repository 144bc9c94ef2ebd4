-- History is append-only in the database itself, whatever client writes to it: a row cannot be deleted
-- (so neither can the action or plan it belongs to: plans are archived), and once a row is in its
-- action's hash chain (seq set) nothing in it can change. A row written before the chain existed may
-- only be given its place in the chain (seq and hash) and nothing else.
CREATE FUNCTION "update_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'history is append-only: an Update row cannot be deleted';
  END IF;
  IF OLD."seq" IS NOT NULL OR
     (NEW."id", NEW."actionId", NEW."at", NEW."authorName", NEW."authorPersonId", NEW."kind", NEW."text",
      NEW."changes", NEW."rag", NEW."idempotencyKey", NEW."detail", NEW."createdAt")
     IS DISTINCT FROM
     (OLD."id", OLD."actionId", OLD."at", OLD."authorName", OLD."authorPersonId", OLD."kind", OLD."text",
      OLD."changes", OLD."rag", OLD."idempotencyKey", OLD."detail", OLD."createdAt") THEN
    RAISE EXCEPTION 'history is append-only: an Update row cannot be changed';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Update_append_only" BEFORE UPDATE OR DELETE ON "Update"
FOR EACH ROW EXECUTE FUNCTION "update_append_only"();
