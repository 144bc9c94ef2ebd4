-- History is append-only in the database itself, whatever client writes to it: a row cannot be deleted
-- (so neither can the action or plan it belongs to: plans are archived), and once a row is in its
-- action's hash chain (seq set) nothing in it can change. A row written before the chain existed may
-- only be given its place in the chain (seq and hash) and nothing else.
-- Each trigger body stays on one line: the migration runner splits statements at line-ending semicolons.
CREATE TRIGGER "Update_append_only_delete" BEFORE DELETE ON "Update"
BEGIN SELECT RAISE(ABORT, 'history is append-only: an Update row cannot be deleted'); END;

CREATE TRIGGER "Update_append_only_update" BEFORE UPDATE ON "Update"
WHEN OLD."seq" IS NOT NULL
  OR NEW."id" IS NOT OLD."id" OR NEW."actionId" IS NOT OLD."actionId" OR NEW."at" IS NOT OLD."at"
  OR NEW."authorName" IS NOT OLD."authorName" OR NEW."authorPersonId" IS NOT OLD."authorPersonId"
  OR NEW."kind" IS NOT OLD."kind" OR NEW."text" IS NOT OLD."text" OR NEW."changes" IS NOT OLD."changes"
  OR NEW."rag" IS NOT OLD."rag" OR NEW."idempotencyKey" IS NOT OLD."idempotencyKey"
  OR NEW."detail" IS NOT OLD."detail" OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'history is append-only: an Update row cannot be changed'); END;
