-- DropIndex
DROP INDEX "Action_rag_idx";

-- CreateIndex
CREATE INDEX "Action_rag_idx" ON "Action"("status", "planId", "reportedRag", "dueDate", "lastUpdateAt", "createdAt", "id");

